<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/round_decision_dialog.py" line="24"/>
        <source>Giấy khen decision — round %1</source>
        <translation>Quyết định Giấy khen — đợt số %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_decision_dialog.py" line="28"/>
        <source>Approved by the council, they will get the Giấy khen in their award history (thematic — it does not count towards annual-merit awards):</source>
        <translation>Được Hội đồng thông qua, sẽ được ghi Giấy khen vào lịch sử khen thưởng (khen chuyên đề — không tính cho khen thưởng công trạng):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_decision_dialog.py" line="35"/>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_decision_dialog.py" line="36"/>
        <source>Date signed</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_decision_dialog.py" line="38"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_decision_dialog.py" line="40"/>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
</context>
</TS>
