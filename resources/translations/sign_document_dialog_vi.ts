<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>SignDocumentDialog</name>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="43"/>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="205"/>
        <source>Digital signature</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="48"/>
        <source>%1 No. %2 — %3 PDF file(s) to sign</source>
        <translation>%1 số %2 — %3 tệp PDF sẽ được ký</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="55"/>
        <source>Signature of the person with authority (the chairman or a deputy chairman). It comes first; the records officer (văn thư) adds the commune&apos;s signature after it.</source>
        <translation>Chữ ký số của người có thẩm quyền (Chủ tịch hoặc Phó Chủ tịch). Ký trước; sau đó văn thư ký số của cơ quan.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="58"/>
        <source>Signature of the commune (the “seal”), added by the records officer (văn thư) after the person with authority has signed. Use the organisation&apos;s certificate.</source>
        <translation>Chữ ký số của cơ quan (thay con dấu), do văn thư ký sau khi người có thẩm quyền đã ký. Dùng chứng thư số của cơ quan, tổ chức.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="65"/>
        <source>Already signed by %1 at %2</source>
        <translation>Đã ký: %1 lúc %2</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="73"/>
        <source>not chosen: Settings › Digital signatures…</source>
        <translation>chưa chọn: Cài đặt › Chữ ký số…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="78"/>
        <source>Token driver:</source>
        <translation>Trình điều khiển token:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="84"/>
        <source>the token&apos;s PIN (never stored)</source>
        <translation>mã PIN của token (không bao giờ được lưu)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="88"/>
        <source>Read the token</source>
        <translation>Đọc token</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="92"/>
        <source>PIN:</source>
        <translation>Mã PIN:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="97"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="97"/>
        <source>Organisation</source>
        <translation>Cơ quan, tổ chức</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="97"/>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="98"/>
        <source>Issued by</source>
        <translation>Nơi cấp</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="110"/>
        <source>Plug in the token, type its PIN and press “Read the token”.</source>
        <translation>Cắm token, nhập mã PIN rồi bấm “Đọc token”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="116"/>
        <source>Sign</source>
        <translation>Ký số</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="143"/>
        <source>Reading the token…</source>
        <translation>Đang đọc token…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="156"/>
        <source> (expired)</source>
        <translation> (hết hạn)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="158"/>
        <source> (not for signing)</source>
        <translation> (không dùng để ký)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="164"/>
        <source>The token holds no certificate that can sign.</source>
        <translation>Token không có chứng thư số nào dùng để ký được.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="166"/>
        <source>Token “%1”: choose the certificate and press “Sign”.</source>
        <translation>Token “%1”: chọn chứng thư số rồi bấm “Ký số”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="189"/>
        <source>Signing…</source>
        <translation>Đang ký…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="193"/>
        <source>Signing the document…</source>
        <translation>Đang ký số văn bản…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sign_document_dialog.py" line="211"/>
        <source>Cancelled: nothing was signed.</source>
        <translation>Đã hủy: chưa ký tệp nào.</translation>
    </message>
</context>
</TS>
