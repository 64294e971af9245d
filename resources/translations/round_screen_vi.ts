<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>RoundScreen</name>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="67"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="67"/>
        <source>Version</source>
        <translation>Lần</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="67"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="216"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="68"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="68"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="105"/>
        <source>Nominees</source>
        <translation>Người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="68"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="78"/>
        <source>New round…</source>
        <translation>Tạo đợt mới…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="79"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="701"/>
        <source>Lock the round</source>
        <translation>Khóa đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="81"/>
        <source>Create a correction…</source>
        <translation>Tạo bản điều chỉnh…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="83"/>
        <source>Send to the upper level…</source>
        <translation>Gửi hồ sơ lên cấp trên…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="85"/>
        <source>Write this round as a signed packet onto a USB stick</source>
        <translation>Ghi đợt này thành gói hồ sơ có chữ ký vào thẻ nhớ USB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="106"/>
        <source>Council meeting</source>
        <translation>Họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="107"/>
        <source>Votes and results</source>
        <translation>Biểu quyết và kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="108"/>
        <source>Ranking</source>
        <translation>Xếp thứ tự</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="109"/>
        <source>Giấy khen decision</source>
        <translation>Quyết định Giấy khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="110"/>
        <source>Before sending</source>
        <translation>Trước khi gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="131"/>
        <source>the council meeting</source>
        <translation>thông tin cuộc họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="133"/>
        <source>the votes</source>
        <translation>kết quả biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="146"/>
        <source>You have not saved %1 of round %2. Save now?</source>
        <translation>Bạn chưa lưu %1 của đợt %2. Lưu ngay?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="146"/>
        <source> and </source>
        <translation> và </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="148"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="149"/>
        <source>Don&apos;t save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="150"/>
        <source>Stay here</source>
        <translation>Ở lại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="180"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="272"/>
        <source>Collective / individual</source>
        <translation>Tập thể / cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="180"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="272"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="181"/>
        <source>Checklist</source>
        <translation>Phiếu tiêu chuẩn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="181"/>
        <source>Proposed although not eligible — reason</source>
        <translation>Lý do vẫn đề nghị (chưa đủ điều kiện)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="182"/>
        <source>Summary of achievements</source>
        <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="194"/>
        <source>Add a nominee…</source>
        <translation>Thêm người được đề nghị…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="196"/>
        <source>Edit the summary…</source>
        <translation>Sửa tóm tắt thành tích…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="197"/>
        <source>Remove from the round</source>
        <translation>Bỏ khỏi đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="212"/>
        <source>Meeting of the commune&apos;s Emulation and Commendation Council</source>
        <translation>Cuộc họp Hội đồng Thi đua – Khen thưởng xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="216"/>
        <source>Start time</source>
        <translation>Giờ bắt đầu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="216"/>
        <source>End time</source>
        <translation>Giờ kết thúc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="217"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="217"/>
        <source>Chaired by</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="217"/>
        <source>Chair&apos;s position</source>
        <translation>Chức vụ người chủ trì</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="218"/>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="218"/>
        <source>Secretary&apos;s position</source>
        <translation>Chức vụ thư ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="219"/>
        <source>Council members in total</source>
        <translation>Tổng số thành viên Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="220"/>
        <source>Members present</source>
        <translation>Số thành viên có mặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="220"/>
        <source>Voting method</source>
        <translation>Hình thức biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="221"/>
        <source>Conclusion</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="236"/>
        <source>e.g. secret ballot (bỏ phiếu kín), show of hands (giơ tay)</source>
        <translation>ví dụ bỏ phiếu kín, giơ tay</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="238"/>
        <source>Save the meeting</source>
        <translation>Lưu thông tin cuộc họp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="250"/>
        <source>Approval threshold (share of ALL council members)</source>
        <translation>Ngưỡng biểu quyết (tỉ lệ trên TỔNG SỐ thành viên Hội đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="258"/>
        <source>No threshold (none in the rules in force)</source>
        <translation>Không đặt ngưỡng (quy định đang áp dụng không đặt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="310"/>
        <source>What the dossier of this round still lacks before it can be sent to the upper level:</source>
        <translation>Những gì hồ sơ của đợt này còn thiếu trước khi gửi lên cấp trên:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="323"/>
        <source>Still missing:</source>
        <translation>Còn thiếu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="327"/>
        <source>Nothing is missing: the round can be sent.</source>
        <translation>Không thiếu gì: có thể gửi đợt này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="330"/>
        <source>Before sending (%1)</source>
        <translation>Trước khi gửi (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="331"/>
        <source>Before sending ✔</source>
        <translation>Trước khi gửi ✔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="576"/>
        <source>no threshold (none in the rules in force)</source>
        <translation>không đặt ngưỡng (quy định đang áp dụng không đặt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="262"/>
        <source>Without a threshold a nominee is approved when more members vote for than against.</source>
        <translation>Khi không đặt ngưỡng, người được đề nghị đạt khi số phiếu đồng ý nhiều hơn số phiếu không đồng ý.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="268"/>
        <source>Votes per nominee</source>
        <translation>Phiếu biểu quyết từng người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="273"/>
        <source>For</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="273"/>
        <source>Against</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="273"/>
        <source>Abstained</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="274"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="282"/>
        <source>Record the votes</source>
        <translation>Ghi kết quả biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="293"/>
        <source>Quota per award form (0 = no limit):</source>
        <translation>Chỉ tiêu cho mỗi hình thức (0 = không giới hạn):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="297"/>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="341"/>
        <source>Record the Giấy khen decision…</source>
        <translation>Ghi quyết định tặng Giấy khen…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="351"/>
        <source>Being prepared</source>
        <translation>Đang soạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="351"/>
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="351"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="352"/>
        <source>Replaced (old version)</source>
        <translation>Đã thay thế (bản cũ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="417"/>
        <source>No nomination round yet. Create one with “New round…”.</source>
        <translation>Chưa có đợt đề nghị nào. Bấm “Tạo đợt mới…” để bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="429"/>
        <source>Round %1 (version %2)</source>
        <translation>Đợt đề nghị số %1 (lần %2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="448"/>
        <source>Old version, read only: replaced by version %1.</source>
        <translation>Bản cũ, chỉ xem: đã được thay bằng lần %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="452"/>
        <source>This round is locked: nothing can be changed. To change it, create a correction (a new version that replaces this one).</source>
        <translation>Đợt này đã khóa: không sửa được nữa. Muốn thay đổi, hãy tạo bản điều chỉnh (phiên bản mới thay thế bản này).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="456"/>
        <source>Correction of version %1. Reason: %2</source>
        <translation>Bản điều chỉnh của lần %1. Lý do: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="463"/>
        <source>eligible</source>
        <translation>đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="463"/>
        <source>not eligible</source>
        <translation>chưa đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="464"/>
        <source>not finished</source>
        <translation>chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="464"/>
        <source>no checklist</source>
        <translation>không có phiếu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="545"/>
        <source>Votes not recorded yet</source>
        <translation>Chưa ghi phiếu biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="565"/>
        <source>Enter the council meeting and the votes first.</source>
        <translation>Hãy nhập thông tin cuộc họp và phiếu biểu quyết trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="567"/>
        <source>Council: %1 members, %2 present, meeting of %3.</source>
        <translation>Hội đồng: %1 thành viên, có mặt %2, họp ngày %3.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="577"/>
        <source>threshold %1% of all members</source>
        <translation>ngưỡng %1% tổng số thành viên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="593"/>
        <source>Decision %1 of %2, signed by %3.</source>
        <translation>Quyết định số %1 ngày %2, người ký: %3.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="595"/>
        <source>Added to the award history of: %1</source>
        <translation>Đã ghi vào lịch sử khen thưởng của: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="600"/>
        <source>The Giấy khen is decided by the commune chairman. Once the council has voted, record the decision here: everyone approved gets the Giấy khen in their award history.</source>
        <translation>Giấy khen do Chủ tịch UBND xã quyết định. Sau khi Hội đồng biểu quyết, ghi quyết định tại đây: mọi tập thể, cá nhân được thông qua sẽ có Giấy khen trong lịch sử khen thưởng.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="145"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="611"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="636"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="685"/>
        <source>Nomination round</source>
        <translation>Đợt đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="637"/>
        <source>Remove %1 from round %2? Their checklist and record stay in the register.</source>
        <translation>Bỏ %1 khỏi đợt %2? Phiếu tiêu chuẩn và hồ sơ của đối tượng vẫn giữ trong sổ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="702"/>
        <source>Lock round %1? After locking nothing can be changed; a change becomes a correction (a new version).</source>
        <translation>Khóa đợt đề nghị số %1? Sau khi khóa sẽ không sửa được; mọi thay đổi phải làm bằng bản điều chỉnh (phiên bản mới).</translation>
    </message>
</context>
</TS>
