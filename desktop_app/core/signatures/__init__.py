"""Digital signatures on issued documents (issue 17): PAdES with the officer's PKCS#11 token, the NĐ 30/2020
signature appearance, the certificates the workspace trusts, and verification of signed PDFs."""
