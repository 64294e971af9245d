<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ParticipantListScreen</name>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="42"/>
        <source>Search by name, position, achievement… (accents not needed)</source>
        <translation>Tìm theo tên, chức vụ, thành tích… (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="47"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="48"/>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="49"/>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="51"/>
        <source>Show archived</source>
        <translation>Xem mục đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="58"/>
        <source>+ Individual</source>
        <translation>+ Cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="59"/>
        <source>+ Collective</source>
        <translation>+ Tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="60"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="61"/>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="217"/>
        <source>Archive</source>
        <translation>Lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="66"/>
        <source>Print the list…</source>
        <translation>In danh sách…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="68"/>
        <source>Print the list as it is shown now (search and filters)</source>
        <translation>In danh sách đang hiển thị (theo ô tìm và các bộ lọc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="70"/>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="72"/>
        <source>Save the list as it is shown now (search and filters) as an Excel file</source>
        <translation>Lưu danh sách đang hiển thị (theo ô tìm và các bộ lọc) thành tệp Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="74"/>
        <source>Award history extract…</source>
        <translation>In trích ngang…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="76"/>
        <source>Print the selected participant&apos;s award history (trích ngang)</source>
        <translation>In trích ngang thành tích khen thưởng của đối tượng đang chọn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="155"/>
        <source>Category: all</source>
        <translation>Thành phần: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="156"/>
        <source>Village / unit: all</source>
        <translation>Thôn / đơn vị: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="157"/>
        <source>Gender: all</source>
        <translation>Giới tính: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="158"/>
        <source>Award year: all</source>
        <translation>Năm khen thưởng: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="159"/>
        <source>Title / award form: all</source>
        <translation>Danh hiệu / hình thức: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="161"/>
        <source>Checklist: all</source>
        <translation>Phiếu tiêu chuẩn: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="162"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="217"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="232"/>
        <source>counting…</source>
        <translation>đang đếm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="236"/>
        <source>more than %1 found</source>
        <translation>hơn %1 kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="238"/>
        <source>%1 found</source>
        <translation>%1 kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="297"/>
        <source>Archive %1? It leaves the lists but nothing is deleted; you can restore it from “Show archived”.</source>
        <translation>Lưu trữ %1? Mục này sẽ không hiện trong danh sách nhưng không bị xóa; có thể khôi phục ở “Xem mục đã lưu trữ”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="298"/>
        <source>Restore %1 to the lists?</source>
        <translation>Đưa %1 trở lại danh sách?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="299"/>
        <source>Register</source>
        <translation>Sổ theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="310"/>
        <source>search: %1</source>
        <translation>tìm: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="312"/>
        <source>archived</source>
        <translation>đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="322"/>
        <source>Print the list</source>
        <translation>In danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="325"/>
        <source>Preparing the list…</source>
        <translation>Đang chuẩn bị danh sách…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="343"/>
        <source>Award history extract</source>
        <translation>Trích ngang thành tích khen thưởng</translation>
    </message>
</context>
</TS>
