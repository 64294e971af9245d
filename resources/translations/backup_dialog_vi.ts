<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="47"/>
        <source>Back up to USB</source>
        <translation>Sao lưu ra USB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="50"/>
        <source>All data of the commune (the register, achievements, awards, rounds) and the evidence files are written into one backup file on the chosen drive.</source>
        <translation>Toàn bộ dữ liệu của xã (sổ theo dõi, thành tích, khen thưởng, các đợt xét) và các tệp minh chứng được ghi thành một tệp sao lưu trên ổ đĩa được chọn.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="54"/>
        <source>Write the backup to:</source>
        <translation>Ghi bản sao lưu vào:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="58"/>
        <source>USB drive %1 (%2 free)</source>
        <translation>Ổ USB %1 (còn trống %2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="60"/>
        <source>Another folder…</source>
        <translation>Thư mục khác…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="63"/>
        <source>The commune&apos;s signing key is not in this file: it stays in the computer&apos;s key store. Back up the key separately (Settings › Signing key), keep it apart from this file.</source>
        <translation>Khóa ký của xã không nằm trong tệp này: khóa chỉ nằm trong kho khóa của máy tính. Hãy sao lưu khóa riêng (Cài đặt › Khóa ký) và cất tách biệt với tệp này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="69"/>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="79"/>
        <source>Choose the folder for the backup</source>
        <translation>Chọn thư mục để ghi bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="87"/>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="94"/>
        <source>Backup finished</source>
        <translation>Đã sao lưu xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="95"/>
        <source>The backup was written and checked:
%1

Before pulling out the USB stick, use &quot;Safely remove hardware&quot; (the icon near the clock).</source>
        <translation>Đã ghi và kiểm tra lại bản sao lưu:
%1

Trước khi rút thẻ nhớ USB, hãy bấm &quot;Tháo thiết bị an toàn&quot; (biểu tượng gần đồng hồ).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="101"/>
        <source>Backup not finished</source>
        <translation>Chưa sao lưu được</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="114"/>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="159"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="117"/>
        <source>Choose the backup to go back to. The data as it is now is kept in the backups folder first, so a restore can be undone.</source>
        <translation>Chọn bản sao lưu muốn quay về. Dữ liệu hiện tại sẽ được giữ lại trong thư mục backups trước, nên có thể hoàn tác việc khôi phục.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="124"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="130"/>
        <source>(no automatic backup yet)</source>
        <translation>(chưa có bản sao lưu tự động)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="131"/>
        <source>Automatic backups in the data folder:</source>
        <translation>Các bản sao lưu tự động trong thư mục dữ liệu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="134"/>
        <source>Restore the selected backup</source>
        <translation>Khôi phục bản đã chọn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="135"/>
        <source>Restore from a backup file (USB)…</source>
        <translation>Khôi phục từ tệp sao lưu (USB)…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="150"/>
        <source>Choose the backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="151"/>
        <source>Sổ Thi đua backups (*.zip)</source>
        <translation>Bản sao lưu Sổ Thi đua (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="157"/>
        <source>Replace the data now in use with the backup &quot;%1&quot;?

What was entered after that backup will no longer be shown; the data as it is now is kept in the backups folder.</source>
        <translation>Thay dữ liệu đang dùng bằng bản sao lưu &quot;%1&quot;?

Những gì nhập sau thời điểm sao lưu đó sẽ không còn hiển thị; dữ liệu hiện tại được giữ lại trong thư mục backups.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="164"/>
        <source>Restore not done</source>
        <translation>Chưa khôi phục được</translation>
    </message>
</context>
<context>
    <name>backup_dialog</name>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="31"/>
        <source>automatic, daily</source>
        <translation>tự động hằng ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="32"/>
        <source>before an upgrade</source>
        <translation>trước khi nâng cấp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="33"/>
        <source>before an import</source>
        <translation>trước khi nhập gói hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="34"/>
        <source>before a restore</source>
        <translation>trước khi khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="172"/>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="213"/>
        <source>Restore finished</source>
        <translation>Đã khôi phục xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="173"/>
        <source>The data was restored from:
%1

The data as it was before is kept in:
%2</source>
        <translation>Đã khôi phục dữ liệu từ:
%1

Dữ liệu trước khi khôi phục được giữ tại:
%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="184"/>
        <source>The data file is damaged</source>
        <translation>Tệp dữ liệu bị hỏng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="187"/>
        <source>The data file cannot be read correctly (it may have been damaged by a power cut):
%1

Restore the latest automatic backup, made at %2? What was entered after that time will be missing. The damaged file is kept in the backups folder, not deleted.</source>
        <translation>Không đọc được đúng tệp dữ liệu (có thể bị hỏng do mất điện đột ngột):
%1

Khôi phục bản sao lưu tự động mới nhất, tạo lúc %2? Những gì nhập sau thời điểm đó sẽ không còn. Tệp bị hỏng được giữ lại trong thư mục backups, không bị xóa.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="196"/>
        <source>The data file cannot be read correctly (it may have been damaged by a power cut):
%1

There is no automatic backup in the data folder. Choose a backup file (for example on a USB stick) to restore from?</source>
        <translation>Không đọc được đúng tệp dữ liệu (có thể bị hỏng do mất điện đột ngột):
%1

Thư mục dữ liệu chưa có bản sao lưu tự động nào. Chọn một tệp sao lưu (ví dụ trên thẻ nhớ USB) để khôi phục?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="202"/>
        <source>Choose the backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="203"/>
        <source>Sổ Thi đua backups (*.zip)</source>
        <translation>Bản sao lưu Sổ Thi đua (*.zip)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/backup_dialog.py" line="213"/>
        <source>The data was restored from:
%1

The damaged file is kept in:
%2</source>
        <translation>Đã khôi phục dữ liệu từ:
%1

Tệp bị hỏng được giữ lại tại:
%2</translation>
    </message>
</context>
</TS>
