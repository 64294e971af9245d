<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ReportTextsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="18"/>
        <source>Summary report — the officer&apos;s text</source>
        <translation>Báo cáo tổng kết — phần cán bộ viết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="22"/>
        <source>The figures, charts and typical examples come from the data. Write here what only you can write; an empty part is marked in the report for you to fill in.</source>
        <translation>Số liệu, biểu đồ và điển hình được lấy từ dữ liệu. Ở đây chỉ viết những phần cần người viết; phần để trống sẽ được đánh dấu trong báo cáo để bổ sung.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="30"/>
        <source>Situation of the commune (advantages, difficulties)</source>
        <translation>Đặc điểm tình hình của xã (thuận lợi, khó khăn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="31"/>
        <source>Direction, launching and communication of the movement</source>
        <translation>Công tác chỉ đạo, phát động, tuyên truyền phong trào</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="32"/>
        <source>Shortcomings and their causes</source>
        <translation>Tồn tại, hạn chế và nguyên nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/report_dialog.py" line="33"/>
        <source>Directions, proposals and recommendations</source>
        <translation>Phương hướng, đề xuất, kiến nghị</translation>
    </message>
</context>
</TS>
