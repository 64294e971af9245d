<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>RoundScreen</name>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="59"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="59"/>
        <source>Version</source>
        <translation>Lần</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="59"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="208"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="60"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="60"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="97"/>
        <source>Nominees</source>
        <translation>Người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="60"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="70"/>
        <source>New round…</source>
        <translation>Tạo đợt mới…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="71"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="693"/>
        <source>Lock the round</source>
        <translation>Khóa đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="73"/>
        <source>Create a correction…</source>
        <translation>Tạo bản điều chỉnh…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="75"/>
        <source>Send to the upper level…</source>
        <translation>Gửi hồ sơ lên cấp trên…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="77"/>
        <source>Write this round as a signed packet onto a USB stick</source>
        <translation>Ghi đợt này thành gói hồ sơ có chữ ký vào thẻ nhớ USB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="98"/>
        <source>Council meeting</source>
        <translation>Họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="99"/>
        <source>Votes and results</source>
        <translation>Biểu quyết và kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="100"/>
        <source>Ranking</source>
        <translation>Xếp thứ tự</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="101"/>
        <source>Giấy khen decision</source>
        <translation>Quyết định Giấy khen</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="102"/>
        <source>Before sending</source>
        <translation>Trước khi gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="123"/>
        <source>the council meeting</source>
        <translation>thông tin cuộc họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="125"/>
        <source>the votes</source>
        <translation>kết quả biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="138"/>
        <source>You have not saved %1 of round %2. Save now?</source>
        <translation>Bạn chưa lưu %1 của đợt %2. Lưu ngay?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="138"/>
        <source> and </source>
        <translation> và </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="140"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="141"/>
        <source>Don&apos;t save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="142"/>
        <source>Stay here</source>
        <translation>Ở lại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="172"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="264"/>
        <source>Collective / individual</source>
        <translation>Tập thể / cá nhân</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="172"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="264"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="173"/>
        <source>Checklist</source>
        <translation>Phiếu tiêu chuẩn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="173"/>
        <source>Proposed although not eligible — reason</source>
        <translation>Lý do vẫn đề nghị (chưa đủ điều kiện)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="174"/>
        <source>Summary of achievements</source>
        <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="186"/>
        <source>Add a nominee…</source>
        <translation>Thêm người được đề nghị…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="188"/>
        <source>Edit the summary…</source>
        <translation>Sửa tóm tắt thành tích…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="189"/>
        <source>Remove from the round</source>
        <translation>Bỏ khỏi đợt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="204"/>
        <source>Meeting of the commune&apos;s Emulation and Commendation Council</source>
        <translation>Cuộc họp Hội đồng Thi đua – Khen thưởng xã</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="208"/>
        <source>Start time</source>
        <translation>Giờ bắt đầu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="208"/>
        <source>End time</source>
        <translation>Giờ kết thúc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="209"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="209"/>
        <source>Chaired by</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="209"/>
        <source>Chair&apos;s position</source>
        <translation>Chức vụ người chủ trì</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="210"/>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="210"/>
        <source>Secretary&apos;s position</source>
        <translation>Chức vụ thư ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="211"/>
        <source>Council members in total</source>
        <translation>Tổng số thành viên Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="212"/>
        <source>Members present</source>
        <translation>Số thành viên có mặt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="212"/>
        <source>Voting method</source>
        <translation>Hình thức biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="213"/>
        <source>Conclusion</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="228"/>
        <source>e.g. secret ballot (bỏ phiếu kín), show of hands (giơ tay)</source>
        <translation>ví dụ bỏ phiếu kín, giơ tay</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="230"/>
        <source>Save the meeting</source>
        <translation>Lưu thông tin cuộc họp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="242"/>
        <source>Approval threshold (share of ALL council members)</source>
        <translation>Ngưỡng biểu quyết (tỉ lệ trên TỔNG SỐ thành viên Hội đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="250"/>
        <source>No threshold (none in the rules in force)</source>
        <translation>Không đặt ngưỡng (quy định đang áp dụng không đặt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="302"/>
        <source>What the dossier of this round still lacks before it can be sent to the upper level:</source>
        <translation>Những gì hồ sơ của đợt này còn thiếu trước khi gửi lên cấp trên:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="315"/>
        <source>Still missing:</source>
        <translation>Còn thiếu:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="319"/>
        <source>Nothing is missing: the round can be sent.</source>
        <translation>Không thiếu gì: có thể gửi đợt này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="322"/>
        <source>Before sending (%1)</source>
        <translation>Trước khi gửi (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="323"/>
        <source>Before sending ✔</source>
        <translation>Trước khi gửi ✔</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="568"/>
        <source>no threshold (none in the rules in force)</source>
        <translation>không đặt ngưỡng (quy định đang áp dụng không đặt)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="254"/>
        <source>Without a threshold a nominee is approved when more members vote for than against.</source>
        <translation>Khi không đặt ngưỡng, người được đề nghị đạt khi số phiếu đồng ý nhiều hơn số phiếu không đồng ý.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="260"/>
        <source>Votes per nominee</source>
        <translation>Phiếu biểu quyết từng người được đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="265"/>
        <source>For</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="265"/>
        <source>Against</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="265"/>
        <source>Abstained</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="266"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="274"/>
        <source>Record the votes</source>
        <translation>Ghi kết quả biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="285"/>
        <source>Quota per award form (0 = no limit):</source>
        <translation>Chỉ tiêu cho mỗi hình thức (0 = không giới hạn):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="289"/>
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="333"/>
        <source>Record the Giấy khen decision…</source>
        <translation>Ghi quyết định tặng Giấy khen…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="343"/>
        <source>Being prepared</source>
        <translation>Đang soạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="343"/>
        <source>Locked</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="343"/>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="344"/>
        <source>Replaced (old version)</source>
        <translation>Đã thay thế (bản cũ)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="409"/>
        <source>No nomination round yet. Create one with “New round…”.</source>
        <translation>Chưa có đợt đề nghị nào. Bấm “Tạo đợt mới…” để bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="421"/>
        <source>Round %1 (version %2)</source>
        <translation>Đợt đề nghị số %1 (lần %2)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="440"/>
        <source>Old version, read only: replaced by version %1.</source>
        <translation>Bản cũ, chỉ xem: đã được thay bằng lần %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="444"/>
        <source>This round is locked: nothing can be changed. To change it, create a correction (a new version that replaces this one).</source>
        <translation>Đợt này đã khóa: không sửa được nữa. Muốn thay đổi, hãy tạo bản điều chỉnh (phiên bản mới thay thế bản này).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="448"/>
        <source>Correction of version %1. Reason: %2</source>
        <translation>Bản điều chỉnh của lần %1. Lý do: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="455"/>
        <source>eligible</source>
        <translation>đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="455"/>
        <source>not eligible</source>
        <translation>chưa đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="456"/>
        <source>not finished</source>
        <translation>chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="456"/>
        <source>no checklist</source>
        <translation>không có phiếu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="537"/>
        <source>Votes not recorded yet</source>
        <translation>Chưa ghi phiếu biểu quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="557"/>
        <source>Enter the council meeting and the votes first.</source>
        <translation>Hãy nhập thông tin cuộc họp và phiếu biểu quyết trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="559"/>
        <source>Council: %1 members, %2 present, meeting of %3.</source>
        <translation>Hội đồng: %1 thành viên, có mặt %2, họp ngày %3.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="569"/>
        <source>threshold %1% of all members</source>
        <translation>ngưỡng %1% tổng số thành viên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="585"/>
        <source>Decision %1 of %2, signed by %3.</source>
        <translation>Quyết định số %1 ngày %2, người ký: %3.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="587"/>
        <source>Added to the award history of: %1</source>
        <translation>Đã ghi vào lịch sử khen thưởng của: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="592"/>
        <source>The Giấy khen is decided by the commune chairman. Once the council has voted, record the decision here: everyone approved gets the Giấy khen in their award history.</source>
        <translation>Giấy khen do Chủ tịch UBND xã quyết định. Sau khi Hội đồng biểu quyết, ghi quyết định tại đây: mọi tập thể, cá nhân được thông qua sẽ có Giấy khen trong lịch sử khen thưởng.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="137"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="603"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="628"/>
        <location filename="../../desktop_app/ui/round_screen.py" line="677"/>
        <source>Nomination round</source>
        <translation>Đợt đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="629"/>
        <source>Remove %1 from round %2? Their checklist and record stay in the register.</source>
        <translation>Bỏ %1 khỏi đợt %2? Phiếu tiêu chuẩn và hồ sơ của đối tượng vẫn giữ trong sổ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/round_screen.py" line="694"/>
        <source>Lock round %1? After locking nothing can be changed; a change becomes a correction (a new version).</source>
        <translation>Khóa đợt đề nghị số %1? Sau khi khóa sẽ không sửa được; mọi thay đổi phải làm bằng bản điều chỉnh (phiên bản mới).</translation>
    </message>
</context>
</TS>
