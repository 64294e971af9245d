<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ServerConnectionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="33"/>
        <source>Shared folder</source>
        <translation>Thư mục dùng chung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="34"/>
        <source>Connect to the Sở&apos;s shared database</source>
        <translation>Kết nối cơ sở dữ liệu dùng chung của Sở</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="36"/>
        <source>For a Sở Nội vụ with several officers: the receiving data lives on the Sở&apos;s PostgreSQL server, the files in a shared folder. Your password is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Dành cho Sở Nội vụ có nhiều cán bộ: dữ liệu tiếp nhận nằm trên máy chủ PostgreSQL của Sở, tệp hồ sơ trong thư mục dùng chung. Mật khẩu của anh/chị được cất trong kho khóa của máy này, không ghi ra tệp.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="60"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="65"/>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="66"/>
        <source>Port</source>
        <translation>Cổng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="67"/>
        <source>Database</source>
        <translation>Cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="68"/>
        <source>Your account</source>
        <translation>Tài khoản của anh/chị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="69"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="70"/>
        <source>Shared folder of the files</source>
        <translation>Thư mục dùng chung chứa tệp hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="79"/>
        <source>Use this computer&apos;s folder again</source>
        <translation>Dùng lại thư mục dữ liệu của máy này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="106"/>
        <source>Choose the shared folder of the files.</source>
        <translation>Hãy chọn thư mục dùng chung chứa tệp hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="108"/>
        <source>Checking the connection…</source>
        <translation>Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="119"/>
        <source>Connected as %1. The app opens the shared database at its next start.</source>
        <translation>Đã kết nối bằng tài khoản %1. Lần mở phần mềm sau sẽ mở cơ sở dữ liệu dùng chung.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/server_connection_dialog.py" line="127"/>
        <source>This computer opens its own data folder at the next start.</source>
        <translation>Lần mở phần mềm sau, máy này mở thư mục dữ liệu của riêng máy.</translation>
    </message>
</context>
</TS>
