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
        <source>The round&apos;s documents, evidence and data are put into one signed file (.zip). Copy it onto a USB stick for the receiving level, together with the signed paper Tờ trình (or covering letter) that shows the key fingerprint. After sending, the round is locked: a change becomes a new corrected version.</source>
        <translation>Văn bản, minh chứng và dữ liệu của đợt được đóng vào một tệp đã ký (.zip). Hãy chép tệp này vào thẻ nhớ USB gửi cấp trên, kèm bản giấy đã ký của Tờ trình (hoặc phiếu gửi hồ sơ) có in dấu vân tay khóa. Sau khi gửi, đợt bị khóa: muốn sửa phải lập bản điều chỉnh mới.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="52"/>
        <source>Round %1 (version %2)</source>
        <translation>Đợt đề nghị số %1 (lần %2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="54"/>
        <location filename="../../desktop_app/ui/export_dialog.py" line="217"/>
        <source>already sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="58"/>
        <source>Round:</source>
        <translation>Đợt đề nghị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="64"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="67"/>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="70"/>
        <source>Write to:</source>
        <translation>Ghi vào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="89"/>
        <source>Export</source>
        <translation>Xuất gói hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="91"/>
        <source>Open the folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="101"/>
        <source>No round has nominees yet: add nominees to a round first.</source>
        <translation>Chưa có đợt nào có người được đề nghị: hãy thêm người được đề nghị vào đợt trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="113"/>
        <source>USB drive %1 (%2 free)</source>
        <translation>Ổ USB %1 (còn trống %2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="118"/>
        <source>No USB drive found — choose a folder</source>
        <translation>Không thấy ổ USB — hãy chọn thư mục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="131"/>
        <source>Folder to write the packet to</source>
        <translation>Thư mục ghi gói hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="142"/>
        <source>Choose a USB drive or a folder first.</source>
        <translation>Hãy chọn ổ USB hoặc một thư mục trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="150"/>
        <source>Copying the packet…</source>
        <translation>Đang chép gói hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="165"/>
        <source>Writing the packet…</source>
        <translation>Đang ghi gói hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="172"/>
        <source>This round was already sent: packet no. %1 of %2 (%3).

If the USB stick was lost or broken, copy the same packet again: the receiving level gets it in order. Make a new packet only if the receiving level asked for it.</source>
        <translation>Đợt này đã được gửi: gói số %1 lúc %2 (%3).

Nếu thẻ nhớ lần trước bị mất hoặc hỏng, hãy chép lại đúng gói đó: cấp trên nhận đúng thứ tự. Chỉ tạo gói mới khi cấp trên yêu cầu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="176"/>
        <source>Copy packet no. %1 again</source>
        <translation>Chép lại gói số %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="178"/>
        <source>Make a new packet</source>
        <translation>Tạo gói mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="188"/>
        <source>Not issued yet: %1.

A packet made now carries their drafts (marked &quot;DỰ THẢO&quot;, no number), and the receiving level will send the dossier back. Issue them on the Dossier screen once signed, then send.</source>
        <translation>Chưa ban hành: %1.

Gói tạo lúc này mang bản dự thảo (ghi &quot;DỰ THẢO&quot;, chưa có số) và cấp trên sẽ trả lại hồ sơ. Hãy ban hành ở màn hình Hồ sơ đề nghị sau khi đã ký, rồi mới gửi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="191"/>
        <source>Do not send</source>
        <translation>Không gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="192"/>
        <source>Send the drafts anyway</source>
        <translation>Vẫn gửi bản dự thảo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="200"/>
        <source>Done. The same packet was copied again and checked on the drive:
%1</source>
        <translation>Xong. Đã chép lại đúng gói cũ và kiểm tra trên ổ:
%1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="209"/>
        <source>Done. The packet was written and checked again from the drive:
%1
Size %2, packet no. %3. The round is now locked as sent.</source>
        <translation>Xong. Gói hồ sơ đã được ghi và đọc lại kiểm tra từ ổ đĩa:
%1
Dung lượng %2, gói số %3. Đợt đề nghị đã được khóa (đã gửi).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="213"/>
        <source>Key fingerprint (as printed on the Tờ trình or the covering letter):</source>
        <translation>Dấu vân tay khóa (in trên Tờ trình hoặc phiếu gửi hồ sơ):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/export_dialog.py" line="222"/>
        <location filename="../../desktop_app/ui/export_dialog.py" line="227"/>
        <source>The packet was not written.</source>
        <translation>Chưa ghi được gói hồ sơ.</translation>
    </message>
</context>
</TS>
