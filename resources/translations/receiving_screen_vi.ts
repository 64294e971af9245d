<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>FingerprintDialog</name>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="58"/>
        <source>Confirm the commune&apos;s key</source>
        <translation>Xác nhận khóa ký của xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="62"/>
        <source>This is the first packet from commune %1 (code %2).</source>
        <translation>Đây là gói hồ sơ đầu tiên của xã %1 (mã %2).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="57"/>
        <source>Confirm a SECOND key of the commune</source>
        <translation>Xác nhận khóa THỨ HAI của xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="64"/>
        <source>Commune %1 (code %2) already has a trusted key, but signed this packet with ANOTHER key that its trusted key did not announce.</source>
        <translation>Xã %1 (mã %2) đã có khóa được tin cậy, nhưng gói này được ký bằng một khóa KHÁC mà khóa đã tin cậy không thông báo.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="71"/>
        <source>Key trusted now: %1</source>
        <translation>Khóa đang được tin cậy: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="75"/>
        <source>Take the signed paper sent with this round — the Tờ trình, or the covering letter (phiếu gửi hồ sơ) when the round has no Tờ trình — and compare, group by group, the key fingerprint printed on it with the one below. Trust the key only if every group is the same. If you do not have the paper at hand, choose &quot;Decide later&quot;.</source>
        <translation>Lấy bản giấy đã ký gửi kèm đợt này — Tờ trình, hoặc phiếu gửi hồ sơ nếu đợt không có Tờ trình — rồi so từng nhóm ký tự của dấu vân tay khóa in trên đó với dấu vân tay dưới đây. Chỉ tin cậy khóa khi mọi nhóm đều giống nhau. Nếu chưa có bản giấy trong tay, hãy chọn &quot;Để sau&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="95"/>
        <source>Trust a second key only after calling the commune: the key trusted now will no longer be trusted for packets made after this one.</source>
        <translation>Chỉ tin cậy khóa thứ hai sau khi gọi điện cho xã: khóa đang được tin cậy sẽ không còn được tin cậy cho các gói tạo sau gói này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="98"/>
        <source>I called the commune: it replaced its key %1 by this one.</source>
        <translation>Tôi đã gọi điện cho xã: xã đã thay khóa %1 bằng khóa này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="102"/>
        <source>Trust this SECOND key instead of the old one and import</source>
        <translation>Tin cậy khóa THỨ HAI này thay cho khóa cũ và nhập gói</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="107"/>
        <source>The same as on paper — trust and import</source>
        <translation>Giống bản giấy — tin cậy và nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="109"/>
        <source>Different — do not trust</source>
        <translation>Khác — không tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="110"/>
        <source>Decide later</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>ReceivingScreen</name>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="138"/>
        <source>Open a packet file…</source>
        <translation>Mở tệp gói hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="140"/>
        <source>Scan USB drives for packets</source>
        <translation>Tìm gói hồ sơ trên thẻ nhớ USB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="142"/>
        <source>Packets waiting for confirmation…</source>
        <translation>Gói chờ xác nhận dấu vân tay…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="143"/>
        <source>Accept despite the order…</source>
        <translation>Nhận dù sai thứ tự…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="145"/>
        <source>For a packet refused only because an earlier one is missing: after checking with the commune, import it and keep the reason</source>
        <translation>Với gói bị từ chối chỉ vì thiếu gói trước: sau khi đã hỏi xã, nhập gói và lưu lại lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="163"/>
        <source>The import report appears here.</source>
        <translation>Kết quả tiếp nhận hiện ở đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="170"/>
        <source>Packets received (every packet is kept with its verdict)</source>
        <translation>Các gói đã tiếp nhận (mọi gói đều được lưu cùng kết quả kiểm tra)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="173"/>
        <source>Received</source>
        <translation>Thời điểm nhận</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="173"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="173"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="174"/>
        <source>Round</source>
        <translation>Đợt/lần</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="174"/>
        <source>Packet no.</source>
        <translation>Gói số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="174"/>
        <source>Verdict</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="175"/>
        <source>What happened</source>
        <translation>Xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="175"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="188"/>
        <source>Imported rounds and nominees</source>
        <translation>Các đợt đã nhập và người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="191"/>
        <source>Round / nominee</source>
        <translation>Đợt / người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="191"/>
        <source>Award proposed</source>
        <translation>Hình thức đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="191"/>
        <source>Votes for / against</source>
        <translation>Phiếu đồng ý / không</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="199"/>
        <source>Documents of the round</source>
        <translation>Văn bản của đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="204"/>
        <source>Open document</source>
        <translation>Mở văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="253"/>
        <source>%1 — round %2, version %3</source>
        <translation>%1 — đợt %2, lần %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="256"/>
        <source>REPLACED by a newer version</source>
        <translation>ĐÃ ĐƯỢC THAY bằng bản điều chỉnh mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="290"/>
        <source>Checking the digital signatures of the documents…</source>
        <translation>Đang kiểm tra chữ ký số trên các văn bản…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="314"/>
        <source>Digital signatures: %1 of %2 PDF documents signed, %3 of them valid and trusted. Select a document to see each signature.</source>
        <translation>Chữ ký số: %1/%2 văn bản PDF có ký số, %3 văn bản hợp lệ và tin cậy. Chọn một văn bản để xem từng chữ ký.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="325"/>
        <source>Signature %1: %2</source>
        <translation>Chữ ký %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="336"/>
        <source>This file is not opened: only PDF and .docx documents are.</source>
        <translation>Không mở tệp này: chỉ mở văn bản PDF và .docx.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="342"/>
        <source>Open packet files</source>
        <translation>Mở tệp gói hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="343"/>
        <source>Dossier packets (*.zip)</source>
        <translation>Gói hồ sơ (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="335"/>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="351"/>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="379"/>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="389"/>
        <source>Receive dossiers</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="352"/>
        <source>No packet (.zip) found on the USB drives. Plug in the stick, or open the file with “Open a packet file…”.</source>
        <translation>Không tìm thấy gói hồ sơ (.zip) nào trên thẻ nhớ USB. Hãy cắm thẻ nhớ, hoặc mở tệp bằng “Mở tệp gói hồ sơ…”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="353"/>
        <source>No USB drive found. Plug in the stick, or open the file with “Open a packet file…”.</source>
        <translation>Không thấy thẻ nhớ USB. Hãy cắm thẻ nhớ, hoặc mở tệp bằng “Mở tệp gói hồ sơ…”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="360"/>
        <source>Receiving packets…</source>
        <translation>Đang tiếp nhận gói hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="390"/>
        <source>Select a packet refused as out of order in the list first.</source>
        <translation>Hãy chọn trong danh sách một gói bị từ chối vì sai thứ tự.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="394"/>
        <source>Accept despite the order</source>
        <translation>Nhận dù sai thứ tự</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="395"/>
        <source>Packet %1 of %2 is out of order (%3).
Write what you checked with the commune (e.g. the earlier packet was lost with a USB stick):</source>
        <translation>Gói số %1 của %2 sai thứ tự (%3).
Ghi rõ điều đã kiểm tra với xã (ví dụ: gói trước bị mất cùng USB):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="401"/>
        <location filename="../../desktop_app/ui/receiving_screen.py" line="420"/>
        <source>confirmed on screen</source>
        <translation>xác nhận trên màn hình</translation>
    </message>
</context>
</TS>
