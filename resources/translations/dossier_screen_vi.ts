<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DossierScreen</name>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="45"/>
        <source>Nomination round:</source>
        <translation>Đợt đề nghị:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="50"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="62"/>
        <source>Preview (no numbers)</source>
        <translation>Xem trước (chưa cấp số)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="64"/>
        <source>Makes the documents without using up document numbers: the number lines stay blank.</source>
        <translation>Tạo văn bản để xem mà không dùng số văn bản: dòng “Số:” để trống.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="66"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="185"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="187"/>
        <source>Issue numbers and create the dossier</source>
        <translation>Cấp số và tạo hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="79"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="282"/>
        <source>No documents yet.</source>
        <translation>Chưa có văn bản nào.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="87"/>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="88"/>
        <source>Save a copy…</source>
        <translation>Lưu bản sao…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="89"/>
        <source>Open the folder</source>
        <translation>Mở thư mục hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="127"/>
        <source>being prepared</source>
        <translation>đang soạn</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="127"/>
        <source>locked</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="127"/>
        <source>sent</source>
        <translation>đã gửi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="136"/>
        <source>Round %1 (version %2) — %3 — %4 — nominees: %5</source>
        <translation>Đợt %1 (lần %2) — %3 — %4 — số đề nghị: %5</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="156"/>
        <source>Submission (Tờ trình)</source>
        <translation>Tờ trình</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="156"/>
        <source>Council minutes (Biên bản)</source>
        <translation>Biên bản họp Hội đồng</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="157"/>
        <source>Decision (Quyết định)</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="167"/>
        <source>There is no nomination round yet.</source>
        <translation>Chưa có đợt đề nghị nào. Hãy lập đợt đề nghị trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="178"/>
        <source> dated %1</source>
        <translation> ngày %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="180"/>
        <source>Numbers issued: %1.</source>
        <translation>Đã cấp số: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="182"/>
        <source>Not numbered yet: %1. A preview leaves the number blank (“Số:      /TTr-UBND”); numbers are issued when you press “%2” and are never used again.</source>
        <translation>Chưa cấp số: %1. Bản xem trước để trống số (“Số:      /TTr-UBND”); số chỉ được cấp khi bấm “%2” và không bao giờ dùng lại.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="188"/>
        <source>Create the dossier</source>
        <translation>Tạo lại hồ sơ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="198"/>
        <source>Issue document numbers</source>
        <translation>Cấp số văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="199"/>
        <source>Issue official numbers to %1 of round %2?
A number once issued is never used again, even if the document is not sent.</source>
        <translation>Cấp số chính thức cho %1 của đợt %2?
Số đã cấp sẽ không bao giờ dùng lại, kể cả khi văn bản không được gửi.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="220"/>
        <source>Creating the dossier documents…</source>
        <translation>Đang tạo văn bản hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="238"/>
        <source>%1 documents (PDF and Word) saved in %2.</source>
        <translation>Đã lưu %1 văn bản (PDF và Word) trong thư mục %2.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="241"/>
        <source>Preview of %1 documents, without numbers — not saved. To print the originals, issue the numbers first.</source>
        <translation>Bản xem trước %1 văn bản, chưa có số — chưa lưu. Muốn in bản chính, hãy cấp số trước.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="249"/>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="360"/>
        <source>Dossier</source>
        <translation>Hồ sơ đề nghị</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="271"/>
        <source>This file cannot be shown: %1</source>
        <translation>Không hiển thị được tệp %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="273"/>
        <source>%1 — pages: %2</source>
        <translation>%1 — số trang: %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="316"/>
        <source>Print %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="327"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="327"/>
        <source>The printer could not be started.</source>
        <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="354"/>
        <source>Save a copy of the dossier in…</source>
        <translation>Lưu bản sao hồ sơ vào thư mục…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/dossier_screen.py" line="362"/>
        <source>Copied %1 files to %2.</source>
        <translation>Đã chép %1 tệp vào %2.</translation>
    </message>
</context>
</TS>
