<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ParticipantListScreen</name>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="35"/>
        <source>Search by name, position, achievement… (accents not needed)</source>
        <translation>Tìm theo tên, chức vụ, thành tích… (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="40"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="41"/>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="42"/>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="44"/>
        <source>Show archived</source>
        <translation>Xem mục đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="51"/>
        <source>+ Individual</source>
        <translation>+ Cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="52"/>
        <source>+ Collective</source>
        <translation>+ Tập thể</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="53"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="54"/>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="208"/>
        <source>Archive</source>
        <translation>Lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="59"/>
        <source>Print the list…</source>
        <translation>In danh sách…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="61"/>
        <source>Print the list as it is shown now (search and filters)</source>
        <translation>In danh sách đang hiển thị (theo ô tìm và các bộ lọc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="63"/>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="65"/>
        <source>Save the list as it is shown now (search and filters) as an Excel file</source>
        <translation>Lưu danh sách đang hiển thị (theo ô tìm và các bộ lọc) thành tệp Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="67"/>
        <source>Award history extract…</source>
        <translation>In trích ngang…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="69"/>
        <source>Print the selected participant&apos;s award history (trích ngang)</source>
        <translation>In trích ngang thành tích khen thưởng của đối tượng đang chọn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="146"/>
        <source>Category: all</source>
        <translation>Thành phần: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="147"/>
        <source>Village / unit: all</source>
        <translation>Thôn / đơn vị: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="148"/>
        <source>Gender: all</source>
        <translation>Giới tính: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="149"/>
        <source>Award year: all</source>
        <translation>Năm khen thưởng: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="150"/>
        <source>Title / award form: all</source>
        <translation>Danh hiệu / hình thức: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="152"/>
        <source>Checklist: all</source>
        <translation>Phiếu tiêu chuẩn: tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="153"/>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="208"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="223"/>
        <source>counting…</source>
        <translation>đang đếm…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="227"/>
        <source>more than %1 found</source>
        <translation>hơn %1 kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="229"/>
        <source>%1 found</source>
        <translation>%1 kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="288"/>
        <source>Archive %1? It leaves the lists but nothing is deleted; you can restore it from “Show archived”.</source>
        <translation>Lưu trữ %1? Mục này sẽ không hiện trong danh sách nhưng không bị xóa; có thể khôi phục ở “Xem mục đã lưu trữ”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="289"/>
        <source>Restore %1 to the lists?</source>
        <translation>Đưa %1 trở lại danh sách?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="290"/>
        <source>Register</source>
        <translation>Sổ theo dõi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="301"/>
        <source>search: %1</source>
        <translation>tìm: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="303"/>
        <source>archived</source>
        <translation>đã lưu trữ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="313"/>
        <source>Print the list</source>
        <translation>In danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="316"/>
        <source>Preparing the list…</source>
        <translation>Đang chuẩn bị danh sách…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/participant_list_screen.py" line="334"/>
        <source>Award history extract</source>
        <translation>Trích ngang thành tích khen thưởng</translation>
    </message>
</context>
</TS>
