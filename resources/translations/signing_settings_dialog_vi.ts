<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>SigningSettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="28"/>
        <source>Digital signatures</source>
        <translation>Chữ ký số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="32"/>
        <source>USB token</source>
        <translation>Token USB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="44"/>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="48"/>
        <source>Token driver (PKCS#11):</source>
        <translation>Trình điều khiển token (PKCS#11):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="49"/>
        <source>The driver is installed with the token (Ban Cơ yếu Chính phủ, VNPT-CA, Viettel-CA, …); it is a .dll file, usually in C:\Windows\System32. The PIN is asked each time you sign and is never stored.</source>
        <translation>Trình điều khiển được cài cùng token (Ban Cơ yếu Chính phủ, VNPT-CA, Viettel-CA, …); là tệp .dll, thường ở C:\Windows\System32. Mã PIN được hỏi mỗi lần ký và không bao giờ được lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="56"/>
        <source>empty: sign offline (PAdES B-B)</source>
        <translation>để trống: ký không cần mạng (PAdES B-B)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="57"/>
        <source>Timestamp server (optional):</source>
        <translation>Máy chủ cấp dấu thời gian (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="60"/>
        <source>Trusted root certificates</source>
        <translation>Chứng thư gốc tin cậy</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="62"/>
        <source>Signatures are trusted only when their certificate leads to a root installed here (the Ban Cơ yếu Chính phủ&apos;s root, given by the province as a .cer/.crt file). Nothing is downloaded.</source>
        <translation>Chữ ký số chỉ được tin cậy khi chứng thư của người ký dẫn tới một chứng thư gốc đã cài ở đây (chứng thư gốc của Ban Cơ yếu Chính phủ, do tỉnh cung cấp dưới dạng tệp .cer/.crt). Chương trình không tải gì từ mạng.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="69"/>
        <source>Certificate</source>
        <translation>Chứng thư</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="69"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="69"/>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="80"/>
        <source>Install a root certificate…</source>
        <translation>Cài chứng thư gốc…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="83"/>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="93"/>
        <source>Images on the signed document (NĐ 30/2020, Phụ lục I)</source>
        <translation>Hình ảnh trên văn bản ký số (Nghị định 30/2020, Phụ lục I)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="98"/>
        <source>signer&apos;s name as on the certificate</source>
        <translation>họ tên người ký như trên chứng thư số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="105"/>
        <source>Signature image…</source>
        <translation>Ảnh chữ ký…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="109"/>
        <source>Signature (blue, transparent PNG):</source>
        <translation>Chữ ký (màu xanh, PNG nền trong suốt):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="115"/>
        <source>The seal&apos;s real diameter: it is printed at this size.</source>
        <translation>Đường kính thật của con dấu: hình con dấu được in đúng kích thước này.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="116"/>
        <source>diameter</source>
        <translation>đường kính</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="118"/>
        <source>Seal image…</source>
        <translation>Ảnh con dấu…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="123"/>
        <source>Seal (red, transparent PNG):</source>
        <translation>Con dấu (màu đỏ, PNG nền trong suốt):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="162"/>
        <source>Token driver</source>
        <translation>Trình điều khiển token</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="163"/>
        <source>PKCS#11 library (*.dll *.so *.dylib)</source>
        <translation>Thư viện PKCS#11 (*.dll *.so *.dylib)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="170"/>
        <source>root</source>
        <translation>gốc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="170"/>
        <source>intermediate</source>
        <translation>trung gian</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="179"/>
        <source>seal (%1 mm)</source>
        <translation>con dấu (%1 mm)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="180"/>
        <source>signature of %1 (%2 mm)</source>
        <translation>chữ ký của %1 (%2 mm)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="180"/>
        <source>any signer</source>
        <translation>mọi người ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="182"/>
        <source>Stored: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="183"/>
        <source>No image stored yet: the signature shows its text only.</source>
        <translation>Chưa lưu ảnh nào: chữ ký số chỉ hiện phần chữ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="199"/>
        <source>Root certificate</source>
        <translation>Chứng thư gốc</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="200"/>
        <source>Certificates (*.cer *.crt *.pem *.der)</source>
        <translation>Chứng thư số (*.cer *.crt *.pem *.der)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="212"/>
        <source>Stop trusting “%1”? Signatures that lead to it will show as not trusted.</source>
        <translation>Thôi tin cậy “%1”? Các chữ ký dẫn tới chứng thư này sẽ hiện là không tin cậy.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="221"/>
        <source>Image</source>
        <translation>Hình ảnh</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/signing_settings_dialog.py" line="221"/>
        <source>PNG image (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
</context>
</TS>
