<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DocumentSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="711"/>
        <source>Document settings</source>
        <translation>Thiết lập văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="714"/>
        <source>as the commune&apos;s name (e.g. “Phường 3” keeps “Phường”)</source>
        <translation>theo tên xã (ví dụ “Phường 3” giữ chữ “Phường”)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="715"/>
        <source>Place in the date line:</source>
        <translation>Địa danh ở dòng ngày tháng:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="717"/>
        <source>e.g. Văn phòng Ủy ban nhân dân xã</source>
        <translation>ví dụ Văn phòng Ủy ban nhân dân xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="718"/>
        <source>Offices that carry out a decision:</source>
        <translation>Cơ quan thi hành quyết định:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="721"/>
        <source>Other recipients (one per line):</source>
        <translation>Nơi nhận khác (mỗi dòng một nơi):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="724"/>
        <source>Base salary (đồng):</source>
        <translation>Mức lương cơ sở (đồng):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="725"/>
        <source>The app keeps the register and proposes the next number</source>
        <translation>Chương trình giữ sổ văn bản đi và đề xuất số tiếp theo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="737"/>
        <source>First number in %1 — %2:</source>
        <translation>Số bắt đầu năm %1 — %2:</translation>
    </message>
</context>
<context>
    <name>DossierScreen</name>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="62"/>
        <source>Nomination round:</source>
        <translation>Đợt đề nghị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="67"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="70"/>
        <source>Document settings…</source>
        <translation>Thiết lập văn bản…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="74"/>
        <source>Province&apos;s rules…</source>
        <translation>Quy định của tỉnh…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="76"/>
        <source>Import the rules pack the province publishes (signed): its regulation, vote thresholds, deadlines and criteria. Without one, only the national criteria apply.</source>
        <translation>Nhập gói quy định do tỉnh ban hành (có chữ ký): quy định thi đua, khen thưởng của tỉnh, ngưỡng biểu quyết, thời hạn và tiêu chuẩn. Khi chưa có gói, chỉ áp dụng tiêu chuẩn quốc gia.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="81"/>
        <source>Not verified…</source>
        <translation>Chưa đối chiếu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="83"/>
        <source>What the documents cite that could not be checked against the official texts</source>
        <translation>Những căn cứ, số liệu trong văn bản chưa đối chiếu được với văn bản gốc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="92"/>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="92"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="92"/>
        <source>Next step</source>
        <translation>Bước tiếp theo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="93"/>
        <source>Digital signatures</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="117"/>
        <source>Show the dossier (drafts marked DỰ THẢO)</source>
        <translation>Xem hồ sơ (bản dự thảo ghi “DỰ THẢO”)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="119"/>
        <source>Makes the documents not issued yet as drafts: marked “DỰ THẢO”, without numbers, made again as often as you like. Issued documents are shown as they were issued.</source>
        <translation>Tạo các văn bản chưa ban hành dưới dạng dự thảo: có chữ “DỰ THẢO”, chưa có số, tạo lại bao nhiêu lần cũng được. Văn bản đã ban hành được hiển thị đúng như khi ban hành.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="122"/>
        <source>Issue the selected document…</source>
        <translation>Ban hành văn bản đang chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="126"/>
        <source>Sign digitally…</source>
        <translation>Ký số…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="128"/>
        <source>Sign the selected issued document with the USB token: first the chairman (or deputy), then the records officer adds the commune&apos;s signature.</source>
        <translation>Ký số văn bản đã ban hành đang chọn bằng token USB: Chủ tịch (hoặc Phó Chủ tịch) ký trước, sau đó văn thư ký số của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="142"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="559"/>
        <source>No documents yet.</source>
        <translation>Chưa có văn bản nào.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="150"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="151"/>
        <source>Save a copy…</source>
        <translation>Lưu bản sao…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="152"/>
        <source>Open the folder</source>
        <translation>Mở thư mục hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="195"/>
        <source>being prepared</source>
        <translation>đang soạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="195"/>
        <source>locked</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="195"/>
        <source>sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="204"/>
        <source>Round %1 (version %2) — %3 — %4 — nominees: %5</source>
        <translation>Đợt %1 (lần %2) — %3 — %4 — số đề nghị: %5</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="227"/>
        <source>Submission (Tờ trình)</source>
        <translation>Tờ trình</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="227"/>
        <source>Council minutes (Biên bản)</source>
        <translation>Biên bản họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="228"/>
        <source>Decision (Quyết định)</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="229"/>
        <source>Covering letter (Phiếu gửi)</source>
        <translation>Phiếu gửi hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="237"/>
        <source>Issued: No. %1 dated %2 — read-only</source>
        <translation>Đã ban hành: số %1 ngày %2 — chỉ xem, không sửa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="240"/>
        <source>Draft (DỰ THẢO), no number yet</source>
        <translation>Dự thảo (DỰ THẢO), chưa có số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="242"/>
        <source> — replaces No. %1</source>
        <translation> — thay thế văn bản số %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="247"/>
        <source>Reprints give the same file; to change it, create a correction of the round.</source>
        <translation>In lại cho đúng tệp đã ban hành; muốn sửa, hãy tạo bản điều chỉnh của đợt.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="249"/>
        <source>Issue the %1 first (this document cites its number and date).</source>
        <translation>Ban hành %1 trước (văn bản này trích dẫn số và ngày của văn bản đó).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="251"/>
        <source>Ready to issue: select it and press “Issue the selected document…”.</source>
        <translation>Sẵn sàng ban hành: chọn dòng này rồi bấm “Ban hành văn bản đang chọn…”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="256"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="258"/>
        <source>Not signed yet</source>
        <translation>Chưa ký số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="259"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="262"/>
        <source>Signed by %1 — the commune&apos;s signature (văn thư) comes next</source>
        <translation>Đã ký: %1 — chờ văn thư ký số của cơ quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="263"/>
        <source>Signed by %1 — complete</source>
        <translation>Đã ký: %1 — đủ chữ ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="272"/>
        <source>There is no nomination round yet.</source>
        <translation>Chưa có đợt đề nghị nào. Hãy lập đợt đề nghị trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="295"/>
        <source>Issued documents are frozen: their PDF and Word files are kept in the workspace with a checksum and are printed exactly as issued.</source>
        <translation>Văn bản đã ban hành được giữ nguyên: tệp PDF và Word được lưu trong thư mục dữ liệu kèm mã kiểm tra, in ra đúng như khi ban hành.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="298"/>
        <source>A draft carries no number and says “DỰ THẢO”. Issue each document once it is signed: enter the number the records officer (văn thư) gives and the signing date.</source>
        <translation>Bản dự thảo chưa có số và ghi “DỰ THẢO”. Ban hành từng văn bản khi đã ký: nhập số do văn thư cấp và ngày ký.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="302"/>
        <source>Some legal facts and the prize money rates are not verified against the official texts: see “Not verified…” before signing.</source>
        <translation>Một số thông tin pháp lý và mức tiền thưởng chưa được đối chiếu với văn bản gốc: xem “Chưa đối chiếu…” trước khi ký.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="305"/>
        <source>This round has no document to issue yet (no council meeting, no nominee).</source>
        <translation>Đợt này chưa có văn bản nào để ban hành (chưa họp Hội đồng, chưa có người được đề nghị).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="323"/>
        <source>Rules: national criteria only (no province&apos;s rules pack imported).</source>
        <translation>Quy định: chỉ áp dụng tiêu chuẩn quốc gia (chưa nhập gói quy định của tỉnh).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="325"/>
        <source>Rules: national criteria and %1.</source>
        <translation>Quy định: tiêu chuẩn quốc gia và %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="331"/>
        <source>These facts could not be checked against the official texts when the data was written; check them before signing:</source>
        <translation>Các thông tin sau chưa đối chiếu được với văn bản gốc khi soạn dữ liệu; hãy kiểm tra trước khi ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="333"/>
        <source>Not verified</source>
        <translation>Chưa đối chiếu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="338"/>
        <source>Province&apos;s rules pack</source>
        <translation>Gói quy định của tỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="339"/>
        <source>Rules pack (*.json)</source>
        <translation>Gói quy định (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="345"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="351"/>
        <source>Province&apos;s rules</source>
        <translation>Quy định của tỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="347"/>
        <source>%1
Regulation: %2

Signed with the key whose fingerprint is:
%3

Is this the fingerprint the province published (on paper or on the Sở Nội vụ&apos;s portal)? Import only if it is the same.</source>
        <translation>%1
Căn cứ: %2

Gói được ký bằng khóa có dấu vân tay:
%3

Đây có đúng là dấu vân tay tỉnh đã công bố (trên văn bản giấy hoặc cổng thông tin của Sở Nội vụ) không? Chỉ nhập khi trùng khớp.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="378"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="381"/>
        <source>Issue</source>
        <translation>Ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="412"/>
        <source>%1 No. %2 signed by %3 at %4 (PAdES %5): %6 file(s).</source>
        <translation>Đã ký số %1 số %2: %3, lúc %4 (PAdES %5), %6 tệp.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="417"/>
        <source>The timestamp server did not answer: signed without a timestamp (the signing time is the computer&apos;s clock).</source>
        <translation>Máy chủ cấp dấu thời gian không trả lời: đã ký không có dấu thời gian (thời gian ký lấy theo đồng hồ máy tính).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="427"/>
        <source>Issuing the document…</source>
        <translation>Đang ban hành văn bản…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="434"/>
        <source>%1 issued: No. %2 dated %3. Its files are kept in %4.</source>
        <translation>Đã ban hành %1: số %2 ngày %3. Tệp được lưu tại %4.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="481"/>
        <source>issued</source>
        <translation>đã ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="481"/>
        <source>draft</source>
        <translation>dự thảo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="489"/>
        <source>%1 documents: %2 drafts (DỰ THẢO, no number, not kept) and the issued ones as issued.</source>
        <translation>%1 văn bản: %2 bản dự thảo (DỰ THẢO, chưa có số, không lưu) và các văn bản đã ban hành đúng như khi ban hành.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="493"/>
        <source>%1 documents, all issued: printed exactly as issued.</source>
        <translation>%1 văn bản, đều đã ban hành: in ra đúng như khi ban hành.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="466"/>
        <source>Creating the dossier documents…</source>
        <translation>Đang tạo văn bản hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="501"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="616"/>
        <source>Dossier</source>
        <translation>Hồ sơ đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="524"/>
        <source>This file cannot be shown: %1</source>
        <translation>Không hiển thị được tệp %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="526"/>
        <source>%1 — pages: %2</source>
        <translation>%1 — số trang: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="539"/>
        <source>Checking the digital signatures…</source>
        <translation>Đang kiểm tra chữ ký số…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="550"/>
        <source>Digital signatures: %1</source>
        <translation>Chữ ký số: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="594"/>
        <source>Print %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="602"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="602"/>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="610"/>
        <source>Save a copy of the dossier in…</source>
        <translation>Lưu bản sao hồ sơ vào thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="618"/>
        <source>Copied %1 files to %2.</source>
        <translation>Đã chép %1 tệp vào %2.</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="635"/>
        <source>Issue %1</source>
        <translation>Ban hành %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="638"/>
        <source>Issue this document once it is signed. After issuing, its content is frozen: the PDF and Word files are kept and printed exactly as issued, and the round can no longer be edited (a change becomes a correction with new numbers).</source>
        <translation>Chỉ ban hành khi văn bản đã được ký. Sau khi ban hành, nội dung được giữ nguyên: tệp PDF và Word được lưu và in ra đúng như khi ban hành, dữ liệu của đợt không sửa được nữa (muốn sửa phải tạo bản điều chỉnh, văn bản mới có số mới).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="654"/>
        <source>Number:</source>
        <translation>Số:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="656"/>
        <source>Proposed from the register kept by the app; change it if the records officer gave another number.</source>
        <translation>Số đề xuất theo sổ văn bản đi do chương trình giữ; sửa lại nếu văn thư cấp số khác.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="659"/>
        <source>Type the number the records officer (văn thư) gave in the register of outgoing documents.</source>
        <translation>Nhập số văn thư đã cấp trong sổ văn bản đi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="675"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="678"/>
        <source>Signing date:</source>
        <translation>Ngày ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="676"/>
        <source>The minutes bear the date of the meeting.</source>
        <translation>Biên bản mang ngày họp Hội đồng.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="680"/>
        <source>This document replaces No. %1; it says so in its text.</source>
        <translation>Văn bản này thay thế văn bản số %1 và ghi rõ điều đó trong nội dung.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="683"/>
        <source>Correction:</source>
        <translation>Điều chỉnh:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="686"/>
        <source>Files issued:</source>
        <translation>Các tệp ban hành:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="690"/>
        <source>Issue</source>
        <translation>Ban hành</translation>
    </message>
</context>
</TS>
