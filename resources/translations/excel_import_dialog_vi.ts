<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>ExcelImportDialog</name>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="89" />
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="296" />
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="456" />
        <source>Import from Excel</source>
        <translation>Nhập từ Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="95" />
        <source>No file chosen</source>
        <translation>Chưa chọn tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="98" />
        <source>Choose a file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="103" />
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="107" />
        <source>Sheet:</source>
        <translation>Trang tính:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="113" />
        <source>The list holds:</source>
        <translation>Danh sách gồm:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="117" />
        <source>Category of new ones (when the file has no such column):</source>
        <translation>Thành phần cho người/tập thể mới (khi tệp không có cột này):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="125" />
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="327" />
        <source>Movement of the achievements:</source>
        <translation>Phong trào của các thành tích:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="133" />
        <source>Year registered for:</source>
        <translation>Năm đăng ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="134" />
        <source>Used for the rows when the file has no "Year" column.</source>
        <translation>Dùng cho các dòng khi tệp không có cột "Năm".</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="139" />
        <source>Date of the registration list:</source>
        <translation>Ngày của bản đăng ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="140" />
        <source>Used for the rows when the file has no "Registration date" column.</source>
        <translation>Dùng cho các dòng khi tệp không có cột "Ngày đăng ký".</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="153" />
        <source>&lt; Back to the columns</source>
        <translation>&lt; Quay lại ghép cột</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="156" />
        <source>Save the rows to fix as Excel…</source>
        <translation>Lưu các dòng cần sửa ra Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="159" />
        <source>Preview &gt;</source>
        <translation>Xem trước &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="162" />
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="166" />
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="443" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="191" />
        <source>Choose the Excel file of the list (.xlsx, .xlsm or .xls).</source>
        <translation>Chọn tệp Excel của danh sách (.xlsx, .xlsm hoặc .xls).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="201" />
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="201" />
        <source>Heading in the file</source>
        <translation>Tiêu đề trong tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="201" />
        <source>First values (as read)</source>
        <translation>Vài giá trị đầu (như sẽ ghi vào sổ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="202" />
        <source>Import into</source>
        <translation>Nhập vào</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="202" />
        <source>Encoding</source>
        <translation>Bảng mã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="226" />
        <source>Show:</source>
        <translation>Xem:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="229" />
        <source>All rows</source>
        <translation>Tất cả các dòng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="264" />
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="495" />
        <source>Undo this import</source>
        <translation>Hoàn tác lần nhập này</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="277" />
        <source>Choose the Excel file</source>
        <translation>Chọn tệp Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="283" />
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="287" />
        <source>Reading the Excel file…</source>
        <translation>Đang đọc tệp Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="291" />
        <source>Reading was cancelled. Choose the file again to import it.</source>
        <translation>Đã hủy việc đọc tệp. Chọn lại tệp để nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="326" />
        <source>Movement registered in:</source>
        <translation>Phong trào đăng ký:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="337" />
        <source>(hidden)</source>
        <translation>(ẩn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="350" />
        <source>(do not import)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="361" />
        <source>(detected)</source>
        <translation>(tự nhận ra)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="368" />
        <source>Header found on row %1 of sheet "%2"; %3 data rows.</source>
        <translation>Dòng tiêu đề là dòng %1 của trang tính "%2"; %3 dòng dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="371" />
        <source>The columns are mapped as you confirmed for a file with the same headings.</source>
        <translation>Các cột được ghép như lần trước anh/chị đã xác nhận cho tệp có cùng tiêu đề.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="373" />
        <source>Old-font text found in columns %1: converted to Unicode (change it in the Encoding column if a column is not).</source>
        <translation>Cột %1 gõ bằng phông chữ cũ: đã chuyển sang Unicode (nếu cột nào không phải, đổi ở cột Bảng mã).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="376" />
        <source>This very file was imported on %1: importing it again adds nothing.</source>
        <translation>Chính tệp này đã được nhập lúc %1: nhập lại sẽ không thêm gì.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="378" />
        <source>Check each column, then click Preview.</source>
        <translation>Kiểm tra từng cột rồi bấm Xem trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="416" />
        <source>Rows with errors are not imported: save them as Excel, fix and import them again.</source>
        <translation>Các dòng lỗi sẽ không được nhập: lưu chúng ra Excel, sửa rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="439" />
        <source>Import %1 valid rows</source>
        <translation>Nhập %1 dòng hợp lệ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="443" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="449" />
        <source>Save the rows to fix</source>
        <translation>Lưu các dòng cần sửa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="457" />
        <source>Saved %1. Fix the rows (the reason is in the last column), save, and import this file again.</source>
        <translation>Đã lưu %1. Sửa các dòng (lý do ở cột cuối), lưu lại rồi nhập tệp đó.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="464" />
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="469" />
        <source>The import was cancelled: nothing was written.</source>
        <translation>Đã hủy việc nhập: không có gì được ghi vào sổ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="476" />
        <source>Imported from %1:</source>
        <translation>Đã nhập từ tệp %1:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="477" />
        <source>%1 new, %2 updated, %3 already there unchanged.</source>
        <translation>%1 mới, %2 cập nhật, %3 đã có và không đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="481" />
        <source>%1 rows were not imported (errors or duplicates in the file).</source>
        <translation>%1 dòng không được nhập (lỗi hoặc trùng trong tệp).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="484" />
        <source>The import is recorded with the file's name and fingerprint; it can be undone as a whole while nothing else has changed these records.</source>
        <translation>Lần nhập được ghi lại cùng tên tệp và mã băm của tệp; có thể hoàn tác toàn bộ khi các bản ghi này chưa bị thay đổi thêm.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="496" />
        <source>Remove what this import added and give the updated records their earlier values back?</source>
        <translation>Xóa những gì lần nhập này đã thêm và trả các bản ghi đã cập nhật về giá trị cũ?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="503" />
        <source>Undone: %1 records.</source>
        <translation>Đã hoàn tác: %1 bản ghi.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="515" />
        <source>Imports from Excel</source>
        <translation>Các lần nhập từ Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="519" />
        <source>Imported at</source>
        <translation>Thời gian nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="519" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="519" />
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="520" />
        <source>Rows</source>
        <translation>Số dòng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="520" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="533" />
        <source>Undo the selected import…</source>
        <translation>Hoàn tác lần nhập đã chọn…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="537" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="555" />
        <source>%1 new, %2 updated, %3 unchanged, %4 not imported</source>
        <translation>%1 mới, %2 cập nhật, %3 không đổi, %4 không nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="559" />
        <source>undone on %1</source>
        <translation>đã hoàn tác lúc %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="560" />
        <source>in effect</source>
        <translation>còn hiệu lực</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="581" />
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="588" />
        <source>Undo the import</source>
        <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="582" />
        <source>Undo the import of %1 (%2): remove what it added and give the updated records their earlier values back?</source>
        <translation>Hoàn tác lần nhập tệp %1 (%2): xóa những gì lần nhập đó đã thêm và trả các bản ghi đã cập nhật về giá trị cũ?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="589" />
        <source>Undone: %1 records.</source>
        <translation>Đã hoàn tác: %1 bản ghi.</translation>
    </message>
</context>
<context>
    <name>PlanRowsModel</name>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54" />
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54" />
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54" />
        <source>Name</source>
        <translation>Họ và tên / Tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/excel_import_dialog.py" line="54" />
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
</context>
</TS>