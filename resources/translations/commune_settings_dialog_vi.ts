<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CommuneSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="22"/>
        <source>Commune information</source>
        <translation>Thông tin xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="26"/>
        <source>Welcome to Sổ Thi đua. Enter your commune&apos;s information once; it appears on every document you print and every packet you send.</source>
        <translation>Chào mừng đến với Sổ Thi đua. Hãy khai báo thông tin của xã một lần; thông tin này được in trên mọi văn bản và mọi gói hồ sơ gửi đi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="34"/>
        <source>Commune name</source>
        <translation>Tên xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="35"/>
        <source>e.g. Thượng Quan</source>
        <translation>ví dụ: Thượng Quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="36"/>
        <source>Administrative code</source>
        <translation>Mã đơn vị hành chính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="37"/>
        <source>Province</source>
        <translation>Tỉnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="41"/>
        <source>Receiving level</source>
        <translation>Cấp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="43"/>
        <source>Receiving authority</source>
        <translation>Nơi nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="44"/>
        <source>e.g. Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)</source>
        <translation>ví dụ: Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="45"/>
        <source>Chairman of the commune</source>
        <translation>Chủ tịch UBND xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="47"/>
        <source>Document number suffix</source>
        <translation>Ký hiệu cơ quan trên số văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="50"/>
        <source>Former administrative codes: %1</source>
        <translation>Mã đơn vị hành chính cũ: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="60"/>
        <source>Not a commune, but the level that receives the communes&apos; dossiers?</source>
        <translation>Không phải xã, mà là cơ quan tiếp nhận hồ sơ của các xã?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="63"/>
        <source>This computer receives dossiers (upper level)…</source>
        <translation>Máy này là nơi tiếp nhận hồ sơ (cấp trên)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="75"/>
        <source>Receive dossiers</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/commune_settings_dialog.py" line="76"/>
        <source>This data folder will receive the communes&apos; dossier packets and will not keep a commune&apos;s own register. Continue?</source>
        <translation>Thư mục dữ liệu này sẽ dùng để tiếp nhận gói hồ sơ của các xã, không dùng làm sổ theo dõi của một xã. Tiếp tục?</translation>
    </message>
</context>
</TS>
