<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ExcelImportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="90"/>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="297"/>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="464"/>
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="96"/>
        <source>No file chosen</source>
        <translation>Chưa chọn tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="99"/>
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="104"/>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="108"/>
        <source>Sheet:</source>
        <translation>Trang tính:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="114"/>
        <source>The list holds:</source>
        <translation>Danh sách gồm:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="118"/>
        <source>Category of new ones (when the file has no such column):</source>
        <translation>Thành phần cho người/tập thể mới (khi tệp không có cột này):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="126"/>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="335"/>
        <source>Movement of the achievements:</source>
        <translation>Phong trào của các thành tích:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="134"/>
        <source>Year registered for:</source>
        <translation>Năm đăng ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="135"/>
        <source>Used for the rows when the file has no &quot;Year&quot; column.</source>
        <translation>Dùng cho các dòng khi tệp không có cột &quot;Năm&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="140"/>
        <source>Date of the registration list:</source>
        <translation>Ngày của bản đăng ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="141"/>
        <source>Used for the rows when the file has no &quot;Registration date&quot; column.</source>
        <translation>Dùng cho các dòng khi tệp không có cột &quot;Ngày đăng ký&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="154"/>
        <source>&lt; Back to the columns</source>
        <translation>&lt; Quay lại ghép cột</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="157"/>
        <source>Save the rows to fix as Excel…</source>
        <translation>Lưu các dòng cần sửa ra Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="160"/>
        <source>Preview &gt;</source>
        <translation>Xem trước &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="163"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="167"/>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="451"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="192"/>
        <source>Choose the Excel file of the list (.xlsx, .xlsm or .xls).</source>
        <translation>Chọn tệp Excel của danh sách (.xlsx, .xlsm hoặc .xls).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="202"/>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="202"/>
        <source>Heading in the file</source>
        <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="202"/>
        <source>First values (as read)</source>
        <translation>Vài giá trị đầu (như sẽ ghi vào sổ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="203"/>
        <source>Import into</source>
        <translation>Nhập vào</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="203"/>
        <source>Encoding</source>
        <translation>Bảng mã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="227"/>
        <source>Show:</source>
        <translation>Xem:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="230"/>
        <source>All rows</source>
        <translation>Tất cả các dòng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="265"/>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="503"/>
        <source>Undo this import</source>
        <translation>Hoàn tác lần nhập này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="278"/>
        <source>Choose the Excel file</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="284"/>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="288"/>
        <source>Reading the Excel file…</source>
        <translation>Đang đọc tệp Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="292"/>
        <source>Reading was cancelled. Choose the file again to import it.</source>
        <translation>Đã hủy việc đọc tệp. Chọn lại tệp để nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="334"/>
        <source>Movement registered in:</source>
        <translation>Phong trào đăng ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="345"/>
        <source>(hidden)</source>
        <translation>(ẩn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="358"/>
        <source>(do not import)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="369"/>
        <source>(detected)</source>
        <translation>(tự nhận ra)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="376"/>
        <source>Header found on row %1 of sheet &quot;%2&quot;; %3 data rows.</source>
        <translation>Dòng tiêu đề là dòng %1 của trang tính &quot;%2&quot;; %3 dòng dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="379"/>
        <source>The columns are mapped as you confirmed for a file with the same headings.</source>
        <translation>Các cột được ghép như lần trước anh/chị đã xác nhận cho tệp có cùng tiêu đề.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="381"/>
        <source>Old-font text found in columns %1: converted to Unicode (change it in the Encoding column if a column is not).</source>
        <translation>Cột %1 gõ bằng phông chữ cũ: đã chuyển sang Unicode (nếu cột nào không phải, đổi ở cột Bảng mã).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="384"/>
        <source>This very file was imported on %1: importing it again adds nothing.</source>
        <translation>Chính tệp này đã được nhập lúc %1: nhập lại sẽ không thêm gì.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="386"/>
        <source>Check each column, then click Preview.</source>
        <translation>Kiểm tra từng cột rồi bấm Xem trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="424"/>
        <source>Rows with errors are not imported: save them as Excel, fix and import them again.</source>
        <translation>Các dòng lỗi sẽ không được nhập: lưu chúng ra Excel, sửa rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="447"/>
        <source>Import %1 valid rows</source>
        <translation>Nhập %1 dòng hợp lệ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="451"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="457"/>
        <source>Save the rows to fix</source>
        <translation>Lưu các dòng cần sửa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="465"/>
        <source>Saved %1. Fix the rows (the reason is in the last column), save, and import this file again.</source>
        <translation>Đã lưu %1. Sửa các dòng (lý do ở cột cuối), lưu lại rồi nhập tệp đó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="472"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="477"/>
        <source>The import was cancelled: nothing was written.</source>
        <translation>Đã hủy việc nhập: không có gì được ghi vào sổ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="484"/>
        <source>Imported from %1:</source>
        <translation>Đã nhập từ tệp %1:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="485"/>
        <source>%1 new, %2 updated, %3 already there unchanged.</source>
        <translation>%1 mới, %2 cập nhật, %3 đã có và không đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="489"/>
        <source>%1 rows were not imported (errors or duplicates in the file).</source>
        <translation>%1 dòng không được nhập (lỗi hoặc trùng trong tệp).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="492"/>
        <source>The import is recorded with the file&apos;s name and fingerprint; it can be undone as a whole while nothing else has changed these records.</source>
        <translation>Lần nhập được ghi lại cùng tên tệp và mã băm của tệp; có thể hoàn tác toàn bộ khi các bản ghi này chưa bị thay đổi thêm.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="504"/>
        <source>Remove what this import added and give the updated records their earlier values back?</source>
        <translation>Xóa những gì lần nhập này đã thêm và trả các bản ghi đã cập nhật về giá trị cũ?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="511"/>
        <source>Undone: %1 records.</source>
        <translation>Đã hoàn tác: %1 bản ghi.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="523"/>
        <source>Imports from Excel</source>
        <translation>Các lần nhập từ Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="527"/>
        <source>Imported at</source>
        <translation>Thời gian nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="527"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="527"/>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="528"/>
        <source>Rows</source>
        <translation>Số dòng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="528"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="541"/>
        <source>Undo the selected import…</source>
        <translation>Hoàn tác lần nhập đã chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="545"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="563"/>
        <source>%1 new, %2 updated, %3 unchanged, %4 not imported</source>
        <translation>%1 mới, %2 cập nhật, %3 không đổi, %4 không nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="567"/>
        <source>undone on %1</source>
        <translation>đã hoàn tác lúc %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="568"/>
        <source>in effect</source>
        <translation>còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="589"/>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="596"/>
        <source>Undo the import</source>
        <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="590"/>
        <source>Undo the import of %1 (%2): remove what it added and give the updated records their earlier values back?</source>
        <translation>Hoàn tác lần nhập tệp %1 (%2): xóa những gì lần nhập đó đã thêm và trả các bản ghi đã cập nhật về giá trị cũ?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="597"/>
        <source>Undone: %1 records.</source>
        <translation>Đã hoàn tác: %1 bản ghi.</translation>
    </message>
</context>
<context>
    <name>PlanRowsModel</name>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54"/>
        <source>Name</source>
        <translation>Họ và tên / Tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
</context>
</TS>
