<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="240"/>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="298"/>
        <source>Choose a participant, then start a checklist or open one.</source>
        <translation>Chọn đối tượng, rồi bắt đầu phiếu tiêu chuẩn mới hoặc mở phiếu đã có.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="253"/>
        <source>The criteria set was changed after this checklist was filled.</source>
        <translation>Bộ tiêu chuẩn đã thay đổi sau khi phiếu này được điền.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="256"/>
        <source>Move to the new criteria version…</source>
        <translation>Chuyển sang phiên bản tiêu chuẩn mới…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="293"/>
        <source>Every answer is saved as soon as you give it.</source>
        <translation>Mỗi câu trả lời được lưu ngay khi chọn.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="309"/>
        <source>Route: %1 · criteria version %2</source>
        <translation>Trường hợp xét: %1 · bộ tiêu chuẩn phiên bản %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="316"/>
        <source>Old checklist, filled against criteria version %1 — read only. It was moved to a newer version; open the current checklist in the list on the left.</source>
        <translation>Phiếu cũ, điền theo bộ tiêu chuẩn phiên bản %1 — chỉ xem, không sửa. Phiếu đã được chuyển sang phiên bản mới; mở phiếu hiện hành ở danh sách bên trái.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="322"/>
        <source>Year assessed (last year of work considered):</source>
        <translation>Năm xét (năm công tác cuối cùng được tính):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="334"/>
        <source>Legal basis of these criteria: %1</source>
        <translation>Căn cứ pháp lý của bộ tiêu chuẩn: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="340"/>
        <source>Criteria</source>
        <translation>Các tiêu chuẩn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="365"/>
        <source>Step 1 — Principles that block any award (%1)</source>
        <translation>Bước 1 — Các trường hợp chưa được khen thưởng (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="373"/>
        <source>RECORDED in the participant&apos;s file</source>
        <translation>CÓ GHI NHẬN trong hồ sơ đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="374"/>
        <source>not recorded</source>
        <translation>không ghi nhận</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="382"/>
        <source>I have checked: the participant is not under discipline, inspection or complaint investigation</source>
        <translation>Tôi đã kiểm tra: đối tượng không bị kỷ luật, không bị thanh tra, không có khiếu nại đang giải quyết</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="410"/>
        <source>Saved at %1</source>
        <translation>Đã lưu lúc %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="413"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu được: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="414"/>
        <source>Checklist</source>
        <translation>Phiếu tiêu chuẩn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="459"/>
        <source>Eligible</source>
        <translation>Đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="459"/>
        <source>Not eligible</source>
        <translation>Chưa đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="460"/>
        <source>Not finished</source>
        <translation>Chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="464"/>
        <source>Every criterion is met and the principles are confirmed (%1 answers).</source>
        <translation>Đạt mọi tiêu chuẩn và đã xác nhận các nguyên tắc khen thưởng (%1 câu trả lời).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="480"/>
        <source>Choose an evidence file</source>
        <translation>Chọn tệp minh chứng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="492"/>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
</context>
<context>
    <name>ChecklistScreen</name>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="532"/>
        <source>Find a participant (accents not needed)</source>
        <translation>Tìm đối tượng (gõ không dấu cũng được)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="540"/>
        <source>New checklist</source>
        <translation>Phiếu tiêu chuẩn mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="542"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="548"/>
        <source>Route (criteria that fit this participant)</source>
        <translation>Trường hợp xét (bộ tiêu chuẩn phù hợp với đối tượng)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="552"/>
        <source>Start the checklist</source>
        <translation>Bắt đầu phiếu</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="563"/>
        <source>Checklists of this participant</source>
        <translation>Các phiếu tiêu chuẩn của đối tượng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="656"/>
        <source>eligible</source>
        <translation>đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="656"/>
        <source>not eligible</source>
        <translation>chưa đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="657"/>
        <source>not finished</source>
        <translation>chưa hoàn thành</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="660"/>
        <source>version %1</source>
        <translation>phiên bản %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="663"/>
        <source>[old, read only] %1</source>
        <translation>[bản cũ, chỉ xem] %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="690"/>
        <source>Checklist</source>
        <translation>Phiếu tiêu chuẩn</translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="86"/>
        <source>Legal basis: %1</source>
        <translation>Căn cứ: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="96"/>
        <source>Meeting ONE of the criteria below is enough.</source>
        <translation>Chỉ cần đạt MỘT trong các tiêu chuẩn dưới đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="100"/>
        <source>ALL the criteria below must be met.</source>
        <translation>Phải đạt TẤT CẢ các tiêu chuẩn dưới đây.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="113"/>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="113"/>
        <source>Not met</source>
        <translation>Không đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="113"/>
        <source>Not applicable</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="123"/>
        <source>This criterion cannot be marked not applicable.</source>
        <translation>Tiêu chuẩn này không được chọn “Không áp dụng”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="128"/>
        <source>Note (what the assessment is based on)</source>
        <translation>Ghi chú (đánh giá dựa trên căn cứ nào)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="136"/>
        <source>Evidence (required)</source>
        <translation>Minh chứng (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="137"/>
        <source>Evidence (optional)</source>
        <translation>Minh chứng (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="139"/>
        <source>Add a new evidence file…</source>
        <translation>Thêm tệp minh chứng mới…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="168"/>
        <source>This participant has no evidence file yet.</source>
        <translation>Đối tượng chưa có tệp minh chứng nào.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="213"/>
        <source>✔ Met</source>
        <translation>✔ Đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="213"/>
        <source>✘ Not met</source>
        <translation>✘ Không đạt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="214"/>
        <source>– Not applicable</source>
        <translation>– Không áp dụng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="214"/>
        <source>… Not finished</source>
        <translation>… Chưa xong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="219"/>
        <source>Computed from the award history: %1</source>
        <translation>Tính từ lịch sử khen thưởng: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/checklist_screen.py" line="221"/>
        <source>Based on: %1</source>
        <translation>Căn cứ: %1</translation>
    </message>
</context>
</TS>
