<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>StatisticsScreen</name>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="60"/>
        <source>Results of the movement</source>
        <translation>Kết quả phong trào thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="64"/>
        <source>Campaign:</source>
        <translation>Phong trào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="71"/>
        <source>From</source>
        <translation>Từ năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="75"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="81"/>
        <source>Counting…</source>
        <translation>Đang tính số liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="90"/>
        <source>Figure</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="90"/>
        <source>Number</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="98"/>
        <source>Click a figure to see the records behind it.</source>
        <translation>Bấm vào một chỉ tiêu để xem danh sách hồ sơ tạo nên số liệu đó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="104"/>
        <source>Collective / person</source>
        <translation>Tập thể / cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="104"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="110"/>
        <source>Records</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="115"/>
        <source>Achievements by content</source>
        <translation>Thành tích theo nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="115"/>
        <source>Achievements by field</source>
        <translation>Thành tích theo lĩnh vực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="116"/>
        <source>Trend by year</source>
        <translation>Diễn biến theo năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="116"/>
        <source>Share of women</source>
        <translation>Tỷ lệ nữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="117"/>
        <source>Registered and reached</source>
        <translation>Đăng ký và kết quả đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="123"/>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="128"/>
        <source>Write the officer&apos;s parts of the report…</source>
        <translation>Viết phần nhận định của báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="129"/>
        <source>Summary report (PDF)…</source>
        <translation>Báo cáo tổng kết (PDF)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="131"/>
        <source>Save the report as .docx…</source>
        <translation>Lưu báo cáo thành .docx…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="132"/>
        <source>Yearly award statistics form…</source>
        <translation>Biểu số liệu khen thưởng năm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="187"/>
        <source>Taking part</source>
        <translation>Đối tượng tham gia</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="188"/>
        <source>Achievements by content of the plan</source>
        <translation>Thành tích theo nội dung của Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="189"/>
        <source>Achievements by priority field</source>
        <translation>Thành tích theo lĩnh vực ưu tiên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="190"/>
        <source>Achievements by thôn / unit</source>
        <translation>Thành tích theo thôn, đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="191"/>
        <source>Achievements by year</source>
        <translation>Thành tích theo năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="192"/>
        <source>Registered (and reached)</source>
        <translation>Đăng ký thi đua (và kết quả đạt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="193"/>
        <source>Awards by form and type</source>
        <translation>Khen thưởng theo hình thức và loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="194"/>
        <source>Women</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="195"/>
        <source>Nomination rounds</source>
        <translation>Đợt đề nghị khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="196"/>
        <source>Outcomes of the nominations</source>
        <translation>Kết quả đề nghị khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="206"/>
        <source>— reached: %1</source>
        <translation>— đạt: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="208"/>
        <source>Registered: %1</source>
        <translation>Đăng ký: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="229"/>
        <source>%1 — %2 record(s)</source>
        <translation>%1 — %2 hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="247"/>
        <source>Summary report</source>
        <translation>Báo cáo tổng kết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="258"/>
        <source>Summary report of the movement</source>
        <translation>Báo cáo tổng kết phong trào</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="265"/>
        <source>Save the form in…</source>
        <translation>Lưu biểu vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="281"/>
        <source>Save the report in…</source>
        <translation>Lưu báo cáo vào…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="277"/>
        <location filename="../../desktop_app/ui/statistics_screen.py" line="292"/>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
</context>
</TS>
