<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>EditParticipantDialog</name>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="28"/>
        <source>New individual</source>
        <translation>Thêm cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="28"/>
        <source>New collective</source>
        <translation>Thêm tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="30"/>
        <source>Edit: %1</source>
        <translation>Sửa: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="41"/>
        <source>Category</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="44"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="44"/>
        <source>Name of the collective</source>
        <translation>Tên tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="47"/>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="50"/>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="51"/>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="52"/>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="53"/>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="55"/>
        <source>— not in the list —</source>
        <translation>— không có trong danh sách —</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="59"/>
        <source>Workplace (collective)</source>
        <translation>Nơi công tác (tập thể)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="60"/>
        <source>Workplace (as written)</source>
        <translation>Nơi công tác (ghi trên hồ sơ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="62"/>
        <source>12 digits, optional</source>
        <translation>12 chữ số, không bắt buộc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="64"/>
        <source>Citizen ID (CCCD)</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="66"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="67"/>
        <source>Head</source>
        <translation>Người đứng đầu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="68"/>
        <source>Members</source>
        <translation>Tổng số thành viên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="69"/>
        <source>Female members</source>
        <translation>Số thành viên nữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="70"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="72"/>
        <source>Blocking circumstances (no award while any applies)</source>
        <translation>Vướng mắc (đang có thì chưa được khen thưởng)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="74"/>
        <source>Under disciplinary action</source>
        <translation>Đang bị xem xét kỷ luật hoặc thi hành kỷ luật</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="75"/>
        <source>Under inspection or investigation</source>
        <translation>Đang bị thanh tra, kiểm tra, điều tra</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="76"/>
        <source>Complaint or denunciation being examined</source>
        <translation>Đang có đơn khiếu nại, tố cáo chưa giải quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="85"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_dialog.py" line="136"/>
        <source>Possible duplicate: %1 already has the same name and date of birth. Press Save again to keep both.</source>
        <translation>Có thể bị trùng: %1 đã có cùng họ tên và ngày sinh. Bấm Lưu lần nữa nếu vẫn muốn giữ cả hai.</translation>
    </message>
</context>
</TS>
