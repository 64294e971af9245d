<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AddNomineeDialog</name>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="28"/>
        <source>Add a nominee to round %1</source>
        <translation>Thêm người được đề nghị vào đợt số %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="34"/>
        <source>Find a participant (accents not needed)</source>
        <translation>Tìm đối tượng (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="44"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="46"/>
        <source>Checklist</source>
        <translation>Phiếu tiêu chuẩn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="53"/>
        <source>Why propose this participant although the checklist does not show them eligible? (required, kept with the round)</source>
        <translation>Vì sao vẫn đề nghị dù phiếu tiêu chuẩn chưa cho thấy đủ điều kiện? (bắt buộc, được lưu cùng đợt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="56"/>
        <source>Reason for proposing anyway</source>
        <translation>Lý do vẫn đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="59"/>
        <source>Short summary of achievements</source>
        <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="61"/>
        <source>Add to the round</source>
        <translation>Thêm vào đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="124"/>
        <source>eligible</source>
        <translation>đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="124"/>
        <source>not eligible</source>
        <translation>chưa đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="125"/>
        <source>not finished</source>
        <translation>chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="131"/>
        <source>(no checklist)</source>
        <translation>(không có phiếu tiêu chuẩn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="143"/>
        <source>Eligible by the checklist.</source>
        <translation>Đủ điều kiện theo phiếu tiêu chuẩn.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="146"/>
        <source>Not eligible or not finished by the checklist: a written reason is required.</source>
        <translation>Theo phiếu tiêu chuẩn: chưa đủ điều kiện hoặc chưa hoàn thành — phải ghi rõ lý do.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="147"/>
        <source>No checklist: a written reason is required.</source>
        <translation>Chưa có phiếu tiêu chuẩn — phải ghi rõ lý do.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="155"/>
        <source>Choose a participant in the list.</source>
        <translation>Chọn một đối tượng trong danh sách.</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../desktop_app/ui/round_nominee_dialog.py" line="183"/>
        <source>Summary of achievements — %1</source>
        <translation>Tóm tắt thành tích — %1</translation>
    </message>
</context>
</TS>
