<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="31"/>
        <source>Send the dossier (signed packet)</source>
        <translation>Gửi hồ sơ (gói hồ sơ có chữ ký)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="42"/>
        <source>The round&apos;s documents, evidence and data are put into one signed file (.zip). Copy it onto a USB stick for the receiving level, together with the printed Tờ trình that shows the key fingerprint. After sending, the round is locked: a change becomes a new corrected version.</source>
        <translation>Văn bản, minh chứng và dữ liệu của đợt được đóng thành một tệp có chữ ký số (.zip). Chép tệp này vào thẻ nhớ USB gửi cấp trên, kèm Tờ trình bản giấy có in dấu vân tay khóa ký. Sau khi gửi, đợt được khóa: muốn sửa phải lập bản điều chỉnh mới.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="51"/>
        <source>Round %1 (version %2)</source>
        <translation>Đợt đề nghị số %1 (lần %2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="53"/>
        <location filename="../../desktop_app/ui/export_dialog.py" line="198"/>
        <source>already sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="57"/>
        <source>Round:</source>
        <translation>Đợt đề nghị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="63"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="66"/>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="69"/>
        <source>Write to:</source>
        <translation>Ghi vào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="88"/>
        <source>Export</source>
        <translation>Xuất gói hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="90"/>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="100"/>
        <source>No round has nominees yet: add nominees to a round first.</source>
        <translation>Chưa có đợt nào có người được đề nghị: hãy thêm người được đề nghị vào đợt trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="112"/>
        <source>USB drive %1 (%2 free)</source>
        <translation>Ổ USB %1 (còn trống %2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="117"/>
        <source>No USB drive found — choose a folder</source>
        <translation>Không thấy ổ USB — hãy chọn thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="130"/>
        <source>Folder to write the packet to</source>
        <translation>Thư mục ghi gói hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="141"/>
        <source>Choose a USB drive or a folder first.</source>
        <translation>Hãy chọn ổ USB hoặc một thư mục trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="149"/>
        <source>Copying the packet…</source>
        <translation>Đang chép gói hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="160"/>
        <source>Writing the packet…</source>
        <translation>Đang ghi gói hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="167"/>
        <source>This round was already sent: packet no. %1 of %2 (%3).

If the USB stick was lost or broken, copy the same packet again: the receiving level gets it in order. Make a new packet only if the receiving level asked for it.</source>
        <translation>Đợt này đã được gửi: gói số %1 lúc %2 (%3).

Nếu thẻ nhớ lần trước bị mất hoặc hỏng, hãy chép lại đúng gói đó: cấp trên nhận đúng thứ tự. Chỉ tạo gói mới khi cấp trên yêu cầu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="171"/>
        <source>Copy packet no. %1 again</source>
        <translation>Chép lại gói số %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="173"/>
        <source>Make a new packet</source>
        <translation>Tạo gói mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="181"/>
        <source>Done. The same packet was copied again and checked on the drive:
%1</source>
        <translation>Xong. Đã chép lại đúng gói cũ và kiểm tra trên ổ:
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="190"/>
        <source>Done. The packet was written and checked again from the drive:
%1
Size %2, packet no. %3. The round is now locked as sent.</source>
        <translation>Xong. Gói hồ sơ đã được ghi và đọc lại kiểm tra từ ổ đĩa:
%1
Dung lượng %2, gói số %3. Đợt đề nghị đã được khóa (đã gửi).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="194"/>
        <source>Key fingerprint (as printed on the Tờ trình):</source>
        <translation>Dấu vân tay khóa ký (giống bản in trên Tờ trình):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="203"/>
        <location filename="../../desktop_app/ui/export_dialog.py" line="208"/>
        <source>The packet was not written.</source>
        <translation>Chưa ghi được gói hồ sơ.</translation>
    </message>
</context>
</TS>
