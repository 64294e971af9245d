<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>labels</name>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="7"/>
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="8"/>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="11"/>
        <source>Agency</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="12"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="13"/>
        <source>Village (thôn, bản)</source>
        <translation>Thôn, bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="14"/>
        <source>Residential group</source>
        <translation>Tổ dân phố</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="15"/>
        <source>Enterprise</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="16"/>
        <source>Cooperative</source>
        <translation>Hợp tác xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="17"/>
        <source>Elected official (cán bộ)</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="18"/>
        <source>Civil servant</source>
        <translation>Công chức</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="19"/>
        <source>Public employee</source>
        <translation>Viên chức</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="20"/>
        <source>Worker</source>
        <translation>Người lao động</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="21"/>
        <source>Resident</source>
        <translation>Người dân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="24"/>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="25"/>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="28"/>
        <source>Emulation title</source>
        <translation>Danh hiệu thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="29"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="30"/>
        <source>Annual rating</source>
        <translation>Xếp loại đánh giá</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="31"/>
        <source>Recognised initiative</source>
        <translation>Sáng kiến, đề tài</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="34"/>
        <source>Annual merit</source>
        <translation>Công trạng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="35"/>
        <source>Thematic</source>
        <translation>Chuyên đề</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="36"/>
        <source>Exceptional</source>
        <translation>Đột xuất</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="37"/>
        <source>Career</source>
        <translation>Cống hiến</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="40"/>
        <source>Certificate of merit of the commune chairman</source>
        <translation>Giấy khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="41"/>
        <source>Certificate of merit of the provincial chairman</source>
        <translation>Bằng khen của Chủ tịch UBND tỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="44"/>
        <source>Province — Department of Home Affairs</source>
        <translation>Tỉnh — qua Sở Nội vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="45"/>
        <source>District (before 01/7/2025)</source>
        <translation>Huyện (trước 01/7/2025)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/labels.py" line="46"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
</context>
</TS>
