<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="28"/>
        <location filename="../../desktop_app/ui/main_window.py" line="73"/>
        <source>Sổ Thi đua — %1</source>
        <translation>Sổ Thi đua — %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="48"/>
        <source>Register of participants</source>
        <translation>Sổ theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="51"/>
        <source>Emulation registration</source>
        <translation>Đăng ký thi đua</translation>
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
        <location filename="../../desktop_app/ui/main_window.py" line="55"/>
        <source>Decisions and certificates</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="56"/>
        <source>Statistics and report</source>
        <translation>Thống kê, báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="58"/>
        <source>Receive dossiers</source>
        <translation>Tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="59"/>
        <source>Review dossiers</source>
        <translation>Thẩm định hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="63"/>
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="84"/>
        <source>commune not set up</source>
        <translation>chưa khai báo xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="84"/>
        <source>receiving dossiers</source>
        <translation>nơi tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="85"/>
        <source>Commune %1, %2</source>
        <translation>Xã %1, tỉnh %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="186"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="187"/>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="191"/>
        <source>Send the dossier (signed packet)…</source>
        <translation>Gửi hồ sơ (gói có chữ ký)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="197"/>
        <source>Back up to USB…</source>
        <translation>Sao lưu ra USB…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="200"/>
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="204"/>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="208"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="210"/>
        <source>Commune information…</source>
        <translation>Thông tin xã…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="214"/>
        <source>Connection to the Sở&apos;s shared database…</source>
        <translation>Kết nối cơ sở dữ liệu dùng chung của Sở…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="219"/>
        <source>Signing key of the commune…</source>
        <translation>Khóa ký của xã…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="222"/>
        <source>Digital signatures (token, trusted roots, seal)…</source>
        <translation>Chữ ký số (token, chứng thư gốc, con dấu)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="226"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="227"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="232"/>
        <location filename="../../desktop_app/ui/main_window.py" line="336"/>
        <source>About Sổ Thi đua</source>
        <translation>Giới thiệu Sổ Thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="246"/>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="250"/>
        <source>Imports from Excel (undo)…</source>
        <translation>Các lần nhập từ Excel (hoàn tác)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="254"/>
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="256"/>
        <source>The register (as shown: search and filters)…</source>
        <translation>Sổ theo dõi (đúng như đang xem: tìm kiếm và bộ lọc)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="259"/>
        <source>The award history…</source>
        <translation>Lịch sử khen thưởng…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="262"/>
        <source>A round&apos;s list of nominees…</source>
        <translation>Danh sách đề nghị của một đợt…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="265"/>
        <source>Checklist results with their reasons…</source>
        <translation>Kết quả phiếu tiêu chuẩn (kèm lý do)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="268"/>
        <source>Blank Excel template</source>
        <translation>Tải mẫu Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="337"/>
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
