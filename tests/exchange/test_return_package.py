"""The package envelope: canonical zip, Ed25519 signature, age encryption, signed small files."""

from __future__ import annotations

import pytest

from tayninh_desktop.domain.errors import DomainError
from tayninh_desktop.domain.returns import fingerprint, grouped, same_fingerprint
from tayninh_desktop.exchange import return_crypto, return_package
from tayninh_desktop.exchange.return_package import PackageParts, pack, unpack


def _parts() -> PackageParts:
    return PackageParts(b'{"format": "tayninh-return"}', bytes(range(256)) * 4, b"s" * 64)


def test_pack_is_canonical_and_round_trips():
    parts = _parts()
    assert pack(parts) == pack(parts)
    assert unpack(pack(parts), "a.tnr") == parts


def test_every_byte_flip_of_an_envelope_is_refused():
    data = pack(_parts())
    refused = 0
    for position in range(len(data)):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        with pytest.raises(DomainError) as caught:
            unpack(bytes(damaged), "a.tnr")
        refused += caught.value.code == "return_damaged"
    assert refused == len(data)


@pytest.mark.parametrize("cut", [0, 1, 22, 100, -1, -22])
def test_a_truncated_envelope_is_refused(cut):
    data = pack(_parts())
    with pytest.raises(DomainError) as caught:
        unpack(data[:cut], "a.tnr")
    assert caught.value.code == "return_damaged"
    assert "a.tnr" in caught.value.message


def test_a_zip_with_other_members_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("manifest.json", "{}")
        archive.writestr("payload.age", "x")
    with pytest.raises(DomainError):
        unpack(buffer.getvalue(), "khac.tnr")


def test_signature_binds_manifest_and_ciphertext():
    pair = return_crypto.new_key_pair()
    message = return_package.signed_message(b"manifest", b"ciphertext")
    signature = return_crypto.sign(pair.sign_private, message)
    assert return_crypto.verify(pair.sign_public, signature, message)
    assert not return_crypto.verify(pair.sign_public, signature, return_package.signed_message(b"manifesT", b"ciphertext"))
    assert not return_crypto.verify(pair.sign_public, signature, return_package.signed_message(b"manifest", b"ciphertexT"))
    other = return_crypto.new_key_pair()
    assert not return_crypto.verify(other.sign_public, signature, message)


def test_age_payload_opens_only_with_the_receivers_identity():
    receiver, stranger = return_crypto.new_key_pair(), return_crypto.new_key_pair()
    sealed = return_crypto.encrypt_to(receiver.receive_public, "Nguyễn Thị Ánh Tuyết".encode())
    assert "Nguyễn".encode() not in sealed
    assert return_crypto.decrypt_with(receiver.receive_identity, sealed, "x").decode() == "Nguyễn Thị Ánh Tuyết"
    with pytest.raises(DomainError) as caught:
        return_crypto.decrypt_with(stranger.receive_identity, sealed, "x.tnr")
    assert caught.value.code == "return_cannot_decrypt"


def test_small_signed_files_detect_any_change():
    pair = return_crypto.new_key_pair()
    data = return_package.seal_small({"a": 1, "tên": "Hưng Thuận"}, pair.sign_private, return_package.RECEIPT_CONTEXT)
    fields, signature = return_package.open_small(data, "b.tnbn", "receipt_unreadable")
    assert return_package.small_signature_ok(fields, signature, pair.sign_public, return_package.RECEIPT_CONTEXT)
    assert not return_package.small_signature_ok({**fields, "a": 2}, signature, pair.sign_public,
                                                 return_package.RECEIPT_CONTEXT)
    # a receipt's signature does not make a key card (different context)
    assert not return_package.small_signature_ok(fields, signature, pair.sign_public, return_package.CARD_CONTEXT)


def test_fingerprint_groups_and_comparison():
    pair = return_crypto.new_key_pair()
    digits = fingerprint(pair.sign_public, pair.receive_public)
    assert len(digits) == 30 and digits.isdigit()
    text = grouped(digits)
    assert len(text.split()) == 6 and all(len(g) == 5 for g in text.split())
    assert same_fingerprint(text.replace(" ", "-"), digits)
    assert not same_fingerprint(text[:-1] + str((int(text[-1]) + 1) % 10), digits)
    assert fingerprint(pair.sign_public, pair.receive_public) != fingerprint(
        return_crypto.new_key_pair().sign_public, pair.receive_public)
