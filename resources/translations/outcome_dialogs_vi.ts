<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="100"/>
        <source>Outcome — %1</source>
        <translation>Kết quả — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="107"/>
        <source>Awarded</source>
        <translation>Được khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="109"/>
        <source>Not awarded</source>
        <translation>Không được khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="119"/>
        <source>No. %1 of %2 — %3</source>
        <translation>Số %1 ngày %2 — %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="121"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="124"/>
        <source>The words printed on the certificate under the name</source>
        <translation>Dòng chữ in trên giấy khen, dưới tên người được khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="125"/>
        <source>Text on the certificate</source>
        <translation>Nội dung ghi trên giấy khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="129"/>
        <source>by the rules: %1 đồng</source>
        <translation>theo quy định: %1 đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="131"/>
        <source>Prize money (đồng)</source>
        <translation>Tiền thưởng (đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="138"/>
        <source>The reason given in the reply</source>
        <translation>Lý do nêu trong văn bản trả lời</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="139"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>PrinterOffsetDialog</name>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="199"/>
        <source>Printer offset for certificates</source>
        <translation>Độ lệch máy in khi in giấy khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="201"/>
        <source>Print the calibration page on plain paper, lay it over a blank against the light and measure how far the boxes are from the blank&apos;s lines. Right and down are positive.</source>
        <translation>In trang căn chỉnh trên giấy trắng, đặt chồng lên phôi, soi đèn và đo các ô lệch bao nhiêu so với dòng kẻ của phôi. Sang phải và xuống dưới là số dương.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="209"/>
        <source>(any printer / PDF)</source>
        <translation>(mọi máy in / tệp PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="212"/>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="221"/>
        <source>Move right by</source>
        <translation>Dịch sang phải</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="222"/>
        <source>Move down by</source>
        <translation>Dịch xuống dưới</translation>
    </message>
</context>
<context>
    <name>ReturnedDecisionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="31"/>
        <source>Decision received — round %1</source>
        <translation>Quyết định trả về — đợt %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="35"/>
        <source>Type the decision as it is printed on the paper that came back. Then record each nominee&apos;s outcome.</source>
        <translation>Nhập quyết định đúng như bản giấy nhận được. Sau đó ghi kết quả của từng người được đề nghị.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="45"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="46"/>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="48"/>
        <source>Date signed</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="49"/>
        <source>Issued by</source>
        <translation>Cơ quan, người quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="53"/>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="54"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="55"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="59"/>
        <source>Title of the decision</source>
        <translation>Trích yếu quyết định</translation>
    </message>
</context>
<context>
    <name>ReturnedDossierDialog</name>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="256"/>
        <source>Dossier returned — round %1</source>
        <translation>Hồ sơ bị trả lại — đợt %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="259"/>
        <source>The round is reopened as a correction version: add what is asked, then issue its documents again and send it.</source>
        <translation>Đợt đề nghị được mở lại thành bản điều chỉnh: bổ sung những gì được yêu cầu, ban hành lại văn bản rồi gửi lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="263"/>
        <source>Reason given in the reply:</source>
        <translation>Lý do nêu trong văn bản trả lại:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="268"/>
        <source>What each nominee must add (leave empty when not named):</source>
        <translation>Nội dung từng người cần bổ sung (để trống nếu văn bản không nêu):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="271"/>
        <source>Nominee</source>
        <translation>Người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="271"/>
        <source>To add</source>
        <translation>Cần bổ sung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/outcome_dialogs.py" line="282"/>
        <source>Reopen as a correction</source>
        <translation>Mở lại thành bản điều chỉnh</translation>
    </message>
</context>
</TS>
