<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>KeySettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="54"/>
        <source>Signing key of the commune</source>
        <translation>Khóa ký của xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="61"/>
        <source>Packets sent to the receiving level are signed with the commune&apos;s key. The key is kept in the operating system&apos;s keyring on this computer only. Its fingerprint is printed on the Tờ trình so the receiving level can compare it on paper.</source>
        <translation>Gói hồ sơ gửi cấp trên được ký bằng khóa của xã. Khóa chỉ được giữ trong kho khóa bảo mật của hệ điều hành trên máy này. Dấu vân tay của khóa được in trên Tờ trình để nơi tiếp nhận so sánh trên giấy.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="79"/>
        <source>Create the key now</source>
        <translation>Tạo khóa ngay</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="80"/>
        <source>Back up the key…</source>
        <translation>Sao lưu khóa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="81"/>
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="82"/>
        <source>Change the key…</source>
        <translation>Đổi khóa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="116"/>
        <source>No key yet.</source>
        <translation>Chưa có khóa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="117"/>
        <source>The key is created at the first export, or now with the button below. If this commune already had a key on another computer, restore its backup instead.</source>
        <translation>Khóa được tạo khi xuất hồ sơ lần đầu, hoặc tạo ngay bằng nút bên dưới. Nếu xã đã có khóa trên máy khác, hãy khôi phục từ bản sao lưu của khóa đó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="122"/>
        <source>Back up the key onto a USB stick and keep it locked away: if this computer breaks, the backup lets the commune keep its key.</source>
        <translation>Hãy sao lưu khóa vào thẻ nhớ USB và cất giữ cẩn thận: nếu máy này hỏng, bản sao lưu giúp xã giữ được khóa ký.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="142"/>
        <source>Backup written: %1</source>
        <translation>Đã ghi bản sao lưu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="159"/>
        <source>Save the key backup</source>
        <translation>Lưu bản sao lưu khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="160"/>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="168"/>
        <source>Key backup (*.pem)</source>
        <translation>Bản sao lưu khóa (*.pem)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="163"/>
        <source>Passphrase for the backup</source>
        <translation>Mật khẩu cho bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="168"/>
        <source>Open a key backup</source>
        <translation>Mở bản sao lưu khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="171"/>
        <source>Passphrase of the backup</source>
        <translation>Mật khẩu của bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="178"/>
        <source>Create a new key? The next packet carries an announcement signed by the current key, so the receiving level accepts the new key. Print the new fingerprint on the next Tờ trình and make a new backup.</source>
        <translation>Tạo khóa mới? Gói hồ sơ tiếp theo sẽ mang thông báo đổi khóa do khóa hiện tại ký, nên nơi tiếp nhận chấp nhận khóa mới. Hãy in dấu vân tay mới trên Tờ trình lần sau và sao lưu lại khóa.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="26"/>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="30"/>
        <source>Repeat it:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="31"/>
        <source>At least 8 characters. Write it down and keep it apart from the backup file: without it the backup cannot be opened.</source>
        <translation>Ít nhất 8 ký tự. Hãy ghi lại và cất riêng với tệp sao lưu: quên mật khẩu thì không mở được bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/key_settings_dialog.py" line="43"/>
        <source>The two passphrases differ.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
</context>
</TS>
