<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>EditAchievementDialog</name>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="34"/>
        <source>New achievement of %1</source>
        <translation>Thêm thành tích của %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="34"/>
        <source>Achievement of %1</source>
        <translation>Thành tích của %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="46"/>
        <source>Campaign</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="49"/>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="50"/>
        <source>From (date)</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="51"/>
        <source>To (date)</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="53"/>
        <source>What was done, and how (content and measures)</source>
        <translation>Đã làm gì, làm thế nào (nội dung và biện pháp)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="54"/>
        <source>Content and measures</source>
        <translation>Nội dung, biện pháp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="56"/>
        <source>Measurable results: numbers, percentages, products</source>
        <translation>Kết quả đo đếm được: số liệu, tỷ lệ, sản phẩm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="57"/>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="59"/>
        <source>Contents of the movement</source>
        <translation>Nội dung thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="60"/>
        <source>Priority fields</source>
        <translation>Lĩnh vực ưu tiên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="68"/>
        <source>Evidence files (copied into the workspace)</source>
        <translation>Tệp minh chứng (được sao chép vào thư mục dữ liệu)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="76"/>
        <source>Add file…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="78"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="80"/>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="155"/>
        <source>%1 (added when you save)</source>
        <translation>%1 (sẽ được thêm khi bấm Lưu)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="160"/>
        <source>Choose evidence files</source>
        <translation>Chọn tệp minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="178"/>
        <source>Cannot open the file</source>
        <translation>Không mở được tệp</translation>
    </message>
</context>
</TS>
