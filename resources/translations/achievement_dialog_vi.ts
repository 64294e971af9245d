<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>EditAchievementDialog</name>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="29"/>
        <source>New achievement of %1</source>
        <translation>Thêm thành tích của %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="29"/>
        <source>Achievement of %1</source>
        <translation>Thành tích của %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="41"/>
        <source>Campaign</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="44"/>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="45"/>
        <source>From (date)</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="46"/>
        <source>To (date)</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="48"/>
        <source>What was done, and how (content and measures)</source>
        <translation>Đã làm gì, làm thế nào (nội dung và biện pháp)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="49"/>
        <source>Content and measures</source>
        <translation>Nội dung, biện pháp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="51"/>
        <source>Measurable results: numbers, percentages, products</source>
        <translation>Kết quả đo đếm được: số liệu, tỷ lệ, sản phẩm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="52"/>
        <source>Results</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="54"/>
        <source>Contents of the movement</source>
        <translation>Nội dung thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="55"/>
        <source>Priority fields</source>
        <translation>Lĩnh vực ưu tiên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="63"/>
        <source>Evidence files (copied into the workspace)</source>
        <translation>Tệp minh chứng (được sao chép vào thư mục dữ liệu)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="71"/>
        <source>Add file…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="73"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="75"/>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="147"/>
        <source>%1 (added when you save)</source>
        <translation>%1 (sẽ được thêm khi bấm Lưu)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="152"/>
        <source>Choose evidence files</source>
        <translation>Chọn tệp minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="161"/>
        <source>Cannot add the file</source>
        <translation>Không thêm được tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="178"/>
        <source>Cannot open the file</source>
        <translation>Không mở được tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/achievement_dialog.py" line="213"/>
        <source>Some files were not added</source>
        <translation>Một số tệp chưa được thêm</translation>
    </message>
</context>
</TS>
