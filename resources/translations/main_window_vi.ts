<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="22" />
        <location filename="../../desktop_app/ui/main_window.py" line="104" />
        <source>Sổ Thi đua — %1</source>
        <translation>Sổ Thi đua — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="41" />
        <source>Register of participants</source>
        <translation>Sổ theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="45" />
        <source>Nomination dossier</source>
        <translation>Hồ sơ đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="45" />
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="53" />
        <source>commune not set up</source>
        <translation>chưa khai báo xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="54" />
        <source>Commune %1, %2</source>
        <translation>Xã %1, tỉnh %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="66" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="67" />
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="70" />
        <source>Back up to USB…</source>
        <translation>Sao lưu ra USB…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="73" />
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="77" />
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="81" />
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="82" />
        <source>Commune information…</source>
        <translation>Thông tin xã…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="85" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="86" />
        <location filename="../../desktop_app/ui/main_window.py" line="107" />
        <source>About Sổ Thi đua</source>
        <translation>Giới thiệu Sổ Thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="108" />
        <source>Sổ Thi đua %1
Register of the emulation movement and nomination dossiers for communes.
Data folder: %2
Log file: %3</source>
        <translation>Sổ Thi đua %1
Sổ theo dõi phong trào thi đua và hồ sơ đề nghị khen thưởng cấp xã.
Thư mục dữ liệu: %2
Tệp nhật ký: %3</translation>
    </message>
</context>
</TS>