<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ProvinceDecisionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="421"/>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="440"/>
        <source>no file chosen</source>
        <translation>chưa chọn tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="442"/>
        <source>Choose the PDF…</source>
        <translation>Chọn tệp PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="447"/>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="448"/>
        <source>Signed on</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="449"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="450"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="451"/>
        <source>Signed decision (PDF)</source>
        <translation>Quyết định đã ký (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="453"/>
        <source>Outcome for each nominee (a reason is needed when not awarded)</source>
        <translation>Kết quả của từng người, tập thể (không được khen thưởng thì ghi lý do)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="463"/>
        <source>reason if not awarded</source>
        <translation>lý do nếu không được khen thưởng</translation>
    </message>
</context>
<context>
    <name>RequestMoreDialog</name>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="376"/>
        <source>Ask the commune for more information</source>
        <translation>Yêu cầu xã bổ sung hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="379"/>
        <source>Write what is missing next to each nominee concerned (leave the others empty), or for the round as a whole.</source>
        <translation>Ghi nội dung cần bổ sung bên cạnh người, tập thể liên quan (để trống những người khác), hoặc cho cả đợt.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="390"/>
        <source>e.g. the minutes (Biên bản)</source>
        <translation>ví dụ: Biên bản họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="393"/>
        <source>Document concerned</source>
        <translation>Văn bản liên quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="394"/>
        <source>About the round</source>
        <translation>Cho cả đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="411"/>
        <source>Write at least one reason.</source>
        <translation>Hãy ghi ít nhất một nội dung cần bổ sung.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="75"/>
        <source>Write the return packet to</source>
        <translation>Ghi gói trả kết quả vào</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="76"/>
        <source>The signed decision (PDF)</source>
        <translation>Quyết định đã ký (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="78"/>
        <location filename="../../desktop_app/ui/review_screen.py" line="367"/>
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="93"/>
        <source>Find a commune (name or code)</source>
        <translation>Tìm xã (tên hoặc mã)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="96"/>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="99"/>
        <source>Only my communes</source>
        <translation>Chỉ các xã tôi phụ trách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="101"/>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="112"/>
        <source>Code</source>
        <translation>Mã xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="112"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="112"/>
        <source>Last packet</source>
        <translation>Gói cuối nhận lúc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="113"/>
        <source>Waiting</source>
        <translation>Chờ xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="113"/>
        <source>Returned</source>
        <translation>Cần bổ sung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="113"/>
        <source>Decided</source>
        <translation>Đã quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="114"/>
        <location filename="../../desktop_app/ui/review_screen.py" line="124"/>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="114"/>
        <source>Officer</source>
        <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="119"/>
        <location filename="../../desktop_app/ui/review_screen.py" line="253"/>
        <source>Choose a commune in the table above.</source>
        <translation>Chọn một xã ở bảng phía trên.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="124"/>
        <source>Round</source>
        <translation>Đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="124"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="124"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="126"/>
        <source>Nominee</source>
        <translation>Người, tập thể được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="126"/>
        <source>Award proposed</source>
        <translation>Hình thức đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="126"/>
        <source>Votes for / against</source>
        <translation>Phiếu đồng ý / không đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="140"/>
        <source>Start review</source>
        <translation>Bắt đầu thẩm định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="142"/>
        <source>Ask for more…</source>
        <translation>Yêu cầu bổ sung…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="144"/>
        <source>Ready to submit</source>
        <translation>Đủ điều kiện trình</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="146"/>
        <source>Record the decision…</source>
        <translation>Ghi quyết định…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="148"/>
        <source>Write the return packet…</source>
        <translation>Ghi gói trả kết quả…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="192"/>
        <source>(overdue)</source>
        <translation>(quá hạn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="252"/>
        <source>%1 (code %2) — officer in charge: %3</source>
        <translation>%1 (mã %2) — cán bộ phụ trách: %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="253"/>
        <source>not assigned</source>
        <translation>chưa giao</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="259"/>
        <source>Round %1, version %2</source>
        <translation>Đợt %1, lần %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="262"/>
        <source>replaced by a newer version</source>
        <translation>đã được thay bằng bản mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="301"/>
        <source>Digital signatures: the round has no PDF document.</source>
        <translation>Chữ ký số: đợt này không có văn bản PDF nào.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="305"/>
        <source>Checking the digital signatures of the documents…</source>
        <translation>Đang kiểm tra chữ ký số trên các văn bản…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="315"/>
        <source>Digital signatures: %1 of %2 PDF documents signed, %3 of them valid and trusted.</source>
        <translation>Chữ ký số: %1/%2 văn bản PDF có ký số, %3 văn bản hợp lệ và tin cậy.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="351"/>
        <source>Return packet written</source>
        <translation>Đã ghi gói trả kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="352"/>
        <source>%1
Signed by the key with fingerprint:
%2</source>
        <translation>%1
Ký bằng khóa có dấu vân tay:
%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="367"/>
        <source>Could not write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
</context>
</TS>
