<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CommuneSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="19"/>
        <source>Commune information</source>
        <translation>Thông tin xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="23"/>
        <source>Welcome to Sổ Thi đua. Enter your commune&apos;s information once; it appears on every document you print and every packet you send.</source>
        <translation>Chào mừng đến với Sổ Thi đua. Hãy khai báo thông tin của xã một lần; thông tin này được in trên mọi văn bản và mọi gói hồ sơ gửi đi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="31"/>
        <source>Commune name</source>
        <translation>Tên xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="32"/>
        <source>e.g. Thượng Quan</source>
        <translation>ví dụ: Thượng Quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="33"/>
        <source>Administrative code</source>
        <translation>Mã đơn vị hành chính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="34"/>
        <source>Province</source>
        <translation>Tỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="38"/>
        <source>Receiving level</source>
        <translation>Cấp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="40"/>
        <source>Receiving authority</source>
        <translation>Nơi nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="41"/>
        <source>e.g. Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)</source>
        <translation>ví dụ: Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="42"/>
        <source>Chairman of the commune</source>
        <translation>Chủ tịch UBND xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="44"/>
        <source>Document number suffix</source>
        <translation>Ký hiệu cơ quan trên số văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="47"/>
        <source>Former administrative codes: %1</source>
        <translation>Mã đơn vị hành chính cũ: %1</translation>
    </message>
</context>
</TS>
