<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="29"/>
        <location filename="../../desktop_app/ui/main_window.py" line="70"/>
        <source>Sổ Thi đua — %1</source>
        <translation>Sổ Thi đua — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="49"/>
        <source>Register of participants</source>
        <translation>Sổ theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="52"/>
        <source>Criteria checklists</source>
        <translation>Phiếu tiêu chuẩn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="53"/>
        <source>Nomination rounds</source>
        <translation>Đợt đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="54"/>
        <source>Nomination dossier</source>
        <translation>Hồ sơ đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="56"/>
        <source>Receive dossiers</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="60"/>
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="81"/>
        <source>commune not set up</source>
        <translation>chưa khai báo xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="81"/>
        <source>receiving dossiers</source>
        <translation>nơi tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="82"/>
        <source>Commune %1, %2</source>
        <translation>Xã %1, tỉnh %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="162"/>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="166"/>
        <source>Send the dossier (signed packet)…</source>
        <translation>Gửi hồ sơ (gói có chữ ký)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="170"/>
        <source>Back up to USB…</source>
        <translation>Sao lưu ra USB…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="173"/>
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="177"/>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="181"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="183"/>
        <source>Commune information…</source>
        <translation>Thông tin xã…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="187"/>
        <source>Signing key of the commune…</source>
        <translation>Khóa ký của xã…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="190"/>
        <source>Digital signatures (token, trusted roots, seal)…</source>
        <translation>Chữ ký số (token, chứng thư gốc, con dấu)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="194"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="195"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="200"/>
        <location filename="../../desktop_app/ui/main_window.py" line="239"/>
        <source>About Sổ Thi đua</source>
        <translation>Giới thiệu Sổ Thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="240"/>
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
