<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>RegistrationScreen</name>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="32"/>
        <source>Emulation registration at the start of the year</source>
        <translation>Đăng ký thi đua đầu năm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="36"/>
        <source>Campaign:</source>
        <translation>Phong trào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="43"/>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="52"/>
        <source>Name</source>
        <translation>Tên tập thể / Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="52"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="52"/>
        <source>Registered for</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="53"/>
        <source>On the list of</source>
        <translation>Theo danh sách của</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="53"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="53"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="67"/>
        <source>Register…</source>
        <translation>Đăng ký…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="69"/>
        <source>Correct…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="70"/>
        <location filename="../../desktop_app/ui/registration_screen.py" line="142"/>
        <source>Withdraw the registration</source>
        <translation>Rút đăng ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="71"/>
        <source>Print the registration list…</source>
        <translation>In bản đăng ký thi đua…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="113"/>
        <source>%1 collective(s) and %2 individual(s) registered in %3.</source>
        <translation>%1 tập thể và %2 cá nhân đăng ký thi đua năm %3.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="143"/>
        <source>Withdraw the registration of %1 (%2)? It is kept, marked withdrawn.</source>
        <translation>Rút đăng ký của %1 (%2)? Bản đăng ký vẫn được lưu, ghi là đã rút.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="151"/>
        <source>The commune&apos;s list (everyone who registered)</source>
        <translation>Danh sách của xã (tất cả các đăng ký)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="153"/>
        <source>Print the registration list</source>
        <translation>In bản đăng ký thi đua</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="153"/>
        <source>Which unit&apos;s list:</source>
        <translation>Bản đăng ký của đơn vị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="160"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/registration_screen.py" line="165"/>
        <source>Registration list — %1</source>
        <translation>Bản đăng ký thi đua — %1</translation>
    </message>
</context>
</TS>
