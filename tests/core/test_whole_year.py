"""The commune's whole year end to end, with real files: registration → achievement → checklist → round → council
→ the commune's Giấy khen decision → signed packet → the receiving level imports it, reviews it and decides → its
signed return packet goes back and the commune imports it → award history → certificates and lists → statistics →
summary report. And the same year from the command line."""
from __future__ import annotations

import re
import subprocess
from datetime import date

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.documents import certificates, movement_report, year_end
from desktop_app.core.exchange import receiving, return_intake, returns
from desktop_app.core.exchange.receiving import review as rv
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.nominations import statistics as st
from desktop_app.core.register import registrations
from desktop_app.core.register.achievements import add_evidence, save_achievement
from desktop_app.core.register.awards import list_awards, save_award
from desktop_app.core.storage.models import AwardDecision, Campaign, Participant

from .test_documents_pdf import pdftotext, squash
from .test_exports import export, opened
from .test_packets_e2e import private_env, run_cli


def test_the_whole_year(tmp_path):
    with opened(tmp_path / "commune") as ws:
        create_demo_commune(ws)
        campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
        thu = Participant.get(Participant.name == "Hà Thị Thu")
        # 1. January: Hà Thị Thu registers for Chiến sĩ thi đua cấp tỉnh (her history has LĐTT/CSTĐCS already).
        registrations.save_registration(ws, {"campaign_id": campaign.id, "year": "2025", "participant_id": thu.id,
                                             "aim_category": "danh_hieu", "aim_code": "CSTD_TINH",
                                             "registered_on": "08/01/2025"})
        # 2. Her achievement of the year, with a file.
        achievement = save_achievement(ws, thu.id, {
            "campaign_id": campaign.id, "title": "Hướng dẫn người dân dùng dịch vụ công trực tuyến",
            "description": "Tổ công nghệ số cộng đồng thôn Nà Khoang", "content_codes": ["ND1", "ND4"],
            "field_codes": ["LV10"], "results": "Hướng dẫn 312 hộ dân nộp hồ sơ trực tuyến.",
            "date_from": "01/01/2025", "date_to": "31/12/2025"})
        proof = tmp_path / "bien_ban.txt"
        proof.write_text("Biên bản nghiệm thu\n", encoding="utf-8")
        evidence = add_evidence(ws, thu.id, proof, achievement.id, note="Biên bản")
        # 3. Her Giấy khen checklist, every judgement met.
        checklist = checklists.start_checklist(ws, thu.id, "giay_khen.ca_nhan", 2025)
        checklists.set_principles_confirmed(ws, checklist.id, True)
        for c in checklists.criteria_set_of(checklist).walk():
            if c.kind == "judgement":
                checklist = checklists.save_answer(ws, checklist.id, c.code, "met", "",
                                                   [evidence.id] if c.evidence_required else [])
        assert checklist.verdict == "eligible"
        hoa = Participant.get(Participant.name == "Ma Thị Lan")
        hoa_checklist = next(c for c in checklists.list_checklists(ws, hoa.id)
                             if c.set_id == "bang_khen_tinh.ca_nhan.chuyen_de")
        # 4. Round 2: her Giấy khen and a Bằng khen proposal; the council votes; the chairman decides the Giấy khen.
        r = rounds.create_round(ws, campaign.id, date(2026, 4, 2), "Đợt bổ sung")
        rounds.add_nominee(ws, r.id, thu.id, rounds.GIAY_KHEN, checklist.id,
                           summary=rounds.default_summary(ws, thu.id, campaign.id))
        rounds.add_nominee(ws, r.id, hoa.id, rounds.BANG_KHEN, hoa_checklist.id,
                           summary=rounds.default_summary(ws, hoa.id, campaign.id))
        rounds.save_meeting(ws, r.id, {"held_on": "03/04/2026", "place": "Hội trường UBND xã", "chair": "Hoàng Văn Thắng",
                                       "secretary": "Triệu Thị Mai", "members_total": "9", "members_present": "9",
                                       "voting_method": "giơ tay"})
        for n in rounds.nominees_of(ws, r.id):
            rounds.set_votes(ws, n.id, 9, 0, 0)
        rounds.record_decision(ws, r.id, "25/QĐ-UBND", date(2026, 4, 6), "Hoàng Văn Thắng")
        # 5. The signed packet goes up on a stick.
        written = export(ws, r, tmp_path / "usb")
        commune_nominees = {n.participant.name: n.uid for n in rounds.nominees_of(ws, r.id)}
        round_uid = r.uid

    with opened(tmp_path / "province") as prov:
        receiving.make_receiver_workspace(prov)
        got = receiving.receive_packet(prov, written.path, trust_fingerprint=format_fingerprint(written.signer_fingerprint))
        assert got.outcome == receiving.IMPORTED
        [imported] = receiving.imported_rounds(prov)
        names = {n.participant.name: n.uid for n in rounds.nominees_of(prov, imported.id)}
        assert names == commune_nominees and imported.uid == round_uid
        # The Sở reviews and decides; its signed return packet names the commune's own uids.
        [review] = rv.reviews_of_commune(prov, "02095")
        rv.start_review(prov, review.id)
        rv.mark_ready(prov, review.id)
        scan = tmp_path / "qd.pdf"
        scan.write_bytes(returns._notice_pdf("QUYẾT ĐỊNH", ["Về việc tặng Bằng khen."], "00" * 32))
        rv.record_decision(prov, review.id, number="1804/QĐ-UBND", decided_on=date(2026, 5, 20),
                           signer="Nguyễn Văn A", signer_title="CHỦ TỊCH",
                           outcomes={n.id: ("awarded", "") for n in rounds.nominees_of(prov, imported.id)},
                           decision_pdf=scan)
        back = returns.write_return_packet(prov, review.id, tmp_path / "usb-back")

    with opened(tmp_path / "commune") as ws:
        # 6. The decision comes back on the stick: verified against the Sở's key compared on paper, landed once,
        # whatever number of times the stick is read. Her Giấy khen stays the commune's own decision.
        first = return_intake.import_return_packet(ws, back.path, trust_fingerprint=back.signer_fingerprint)
        assert (first.awarded, first.skipped, first.duplicate) == (1, 1, False)
        assert return_intake.import_return_packet(ws, back.path).duplicate
        decision = AwardDecision.get(AwardDecision.number == "1804/QĐ-UBND")
        assert decision.source == "return_packet" and (ws.paths.root / decision.file_name).read_bytes() == \
            scan.read_bytes()
        lan_awards = [a for a in list_awards(ws, hoa.id) if a.decision_id == decision.id]
        assert len(lan_awards) == 1 and lan_awards[0].decision.number == "1804/QĐ-UBND"
        thu_awards = [a for a in list_awards(ws, thu.id) if a.code == "giay_khen"]
        assert [a.decision.number for a in thu_awards] == ["25/QĐ-UBND"]
        # 7. Her Giấy khen printed; the ceremony and payout lists.
        pdf = certificates.print_certificates(ws, r.id)
        text = squash(pdftotext(pdf, "-raw"))
        assert "Bà Hà Thị Thu" in text and "Quyết định số 25/QĐ-UBND ngày 06/04/2026" in text
        assert "Ma Thị Lan" not in text                           # a Bằng khen is printed by the province
        ceremony = squash(pdftotext(year_end.print_ceremony_list(ws, r.id), "-raw"))
        assert "Hà Thị Thu" in ceremony and "Ma Thị Lan" in ceremony and "1804/QĐ-UBND" in ceremony
        # 8. The year counted: her registration reached; her achievement in content 4; her outcome.
        s = st.movement_statistics(ws, campaign.id, 2022, 2025)
        def reached():
            return {x.name for x in st.figure_records(ws, campaign.id, 2022, 2025, "reached:CSTD_TINH")}

        assert "Hà Thị Thu" not in reached()       # not in her history yet: registered, not reached
        save_award(ws, thu.id, {"category": "danh_hieu", "code": "CSTD_TINH", "year": "2025", "award_type": "cong_trang",
                                "decision_number": "120/QĐ-UBND", "decision_date": "25/12/2025",
                                "issuer": "Chủ tịch UBND xã Thượng Quan"})
        assert "Hà Thị Thu" in reached()
        assert "Hà Thị Thu" in {x.name for x in st.figure_records(ws, campaign.id, 2022, 2025, "reg:CSTD_TINH")}
        assert "Hà Thị Thu" in {x.name for x in st.figure_records(ws, campaign.id, 2022, 2025, "content:ND4")}
        assert any(f.key == "outcome:bang_khen_tinh:awarded" and f.value >= 2 for f in s.outcomes)
        # 9. The summary report names her as a typical example of content 4.
        report = squash(pdftotext(movement_report.print_summary_report(ws, campaign.id, 2022, 2025), "-raw"))
        assert "Hà Thị Thu: Hướng dẫn người dân dùng dịch vụ công trực tuyến" in report


def test_the_year_from_the_command_line(tmp_path):
    env = private_env(tmp_path)
    data = tmp_path / "ws"
    out = tmp_path / "out"

    def cli(*args):
        result = run_cli(*args, "--data-dir", data, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    cli("demo")
    assert "Đã ghi 2 đăng ký" in cli("register", "--participant", "Thôn Nà Làng", "--aim", "TTLDTT", "--year", "2023",
                                     "--date", "10/01/2023", "--member", "Lý Thị Pẻng")
    assert "Lý Thị Pẻng\tLao động tiên tiến\tThôn Nà Làng" in cli("registrations", "--year", "2023", "--out", out)
    cli("decision", "--round", "1", "--number", "2600/QĐ-UBND", "--date", "01/06/2026", "--signer", "Trịnh Văn B")
    assert "đã ghi vào lịch sử khen thưởng" in cli("outcome", "--round", "1", "--participant", "Ma Thị Lan",
                                                    "--decision", "2600/QĐ-UBND")
    cli("outcome", "--round", "1", "--participant", "Nguyễn Văn Đức", "--form", "bang_khen_tinh",
        "--reason", "Chưa đủ tiêu chuẩn")
    listed = cli("certificates", "--round", "1", "--out", out)
    assert "Giay_khen.pdf" in listed and "Danh_sach_chi_thuong.xlsx" in listed
    summary = cli("report", "--from", "2022", "--to", "2025", "--out", out)
    assert "Bằng khen tỉnh: Không được khen thưởng 2" in summary
    assert "Bằng khen tỉnh: Được khen thưởng 2" in summary
    assert (out / "Bao_cao_tong_ket_2022-2025.docx").stat().st_size > 5000
    pages = subprocess.run(["pdfinfo", str(out / "Giay_khen.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+3\n", pages) and "841.89 x 595.276 pts" in pages
    refused = run_cli("outcome", "--round", "1", "--participant", "Không Có Ai", "--reason", "x", "--data-dir", data,
                      env=env)
    assert refused.returncode == 2 and "Không có tập thể, cá nhân nào tên" in refused.stderr
