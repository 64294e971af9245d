<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ProvinceDecisionDialog</name>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="338"/>
        <source>Record the decision</source>
        <translation>Ghi quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="356"/>
        <source>no file chosen</source>
        <translation>chưa chọn tệp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="358"/>
        <source>Choose the PDF…</source>
        <translation>Chọn tệp PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="363"/>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="364"/>
        <source>Signed on</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="365"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="366"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="367"/>
        <source>Signed decision (PDF)</source>
        <translation>Quyết định đã ký (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="369"/>
        <source>Outcome for each nominee (a reason is needed when not awarded)</source>
        <translation>Kết quả của từng người, tập thể (không được khen thưởng thì ghi lý do)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="379"/>
        <source>reason if not awarded</source>
        <translation>lý do nếu không được khen thưởng</translation>
    </message>
</context>
<context>
    <name>RequestMoreDialog</name>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="293"/>
        <source>Ask the commune for more information</source>
        <translation>Yêu cầu xã bổ sung hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="296"/>
        <source>Write what is missing next to each nominee concerned (leave the others empty), or for the round as a whole.</source>
        <translation>Ghi nội dung cần bổ sung bên cạnh người, tập thể liên quan (để trống những người khác), hoặc cho cả đợt.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="307"/>
        <source>e.g. the minutes (Biên bản)</source>
        <translation>ví dụ: Biên bản họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="310"/>
        <source>Document concerned</source>
        <translation>Văn bản liên quan</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="311"/>
        <source>About the round</source>
        <translation>Cho cả đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="328"/>
        <source>Write at least one reason.</source>
        <translation>Hãy ghi ít nhất một nội dung cần bổ sung.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="63"/>
        <source>Write the return packet to</source>
        <translation>Ghi gói trả kết quả vào</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="64"/>
        <source>The signed decision (PDF)</source>
        <translation>Quyết định đã ký (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="66"/>
        <location filename="../../desktop_app/ui/review_screen.py" line="284"/>
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="76"/>
        <source>Find a commune (name or code)</source>
        <translation>Tìm xã (tên hoặc mã)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="79"/>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="82"/>
        <source>Only my communes</source>
        <translation>Chỉ các xã tôi phụ trách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="84"/>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="95"/>
        <source>Code</source>
        <translation>Mã xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="95"/>
        <source>Commune</source>
        <translation>Xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="95"/>
        <source>Last packet</source>
        <translation>Gói cuối nhận lúc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="96"/>
        <source>Waiting</source>
        <translation>Chờ xử lý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="96"/>
        <source>Returned</source>
        <translation>Cần bổ sung</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="96"/>
        <source>Decided</source>
        <translation>Đã quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="97"/>
        <location filename="../../desktop_app/ui/review_screen.py" line="107"/>
        <source>Deadline</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="97"/>
        <source>Officer</source>
        <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="102"/>
        <location filename="../../desktop_app/ui/review_screen.py" line="203"/>
        <source>Choose a commune in the table above.</source>
        <translation>Chọn một xã ở bảng phía trên.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="107"/>
        <source>Round</source>
        <translation>Đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="107"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="107"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="109"/>
        <source>Nominee</source>
        <translation>Người, tập thể được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="109"/>
        <source>Award proposed</source>
        <translation>Hình thức đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="109"/>
        <source>Votes for / against</source>
        <translation>Phiếu đồng ý / không đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="116"/>
        <source>Start review</source>
        <translation>Bắt đầu thẩm định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="118"/>
        <source>Ask for more…</source>
        <translation>Yêu cầu bổ sung…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="120"/>
        <source>Ready to submit</source>
        <translation>Đủ điều kiện trình</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="122"/>
        <source>Record the decision…</source>
        <translation>Ghi quyết định…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="124"/>
        <source>Write the return packet…</source>
        <translation>Ghi gói trả kết quả…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="171"/>
        <source>(overdue)</source>
        <translation>(quá hạn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="202"/>
        <source>%1 (code %2) — officer in charge: %3</source>
        <translation>%1 (mã %2) — cán bộ phụ trách: %3</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="203"/>
        <source>not assigned</source>
        <translation>chưa giao</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="209"/>
        <source>Round %1, version %2</source>
        <translation>Đợt %1, lần %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="212"/>
        <source>replaced by a newer version</source>
        <translation>đã được thay bằng bản mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="268"/>
        <source>Return packet written</source>
        <translation>Đã ghi gói trả kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="269"/>
        <source>%1
Signed by the key with fingerprint:
%2</source>
        <translation>%1
Ký bằng khóa có dấu vân tay:
%2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_screen.py" line="284"/>
        <source>Could not write %1: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
</context>
</TS>
