"""Mints fans' access tokens as the built-in sign-in does (HS256 JWT: issuer, audience, expiry, session), for wrk's
   join test:
   python3 load-tests/wrk/tokens.py <boxoffice.auth.issuer.secret> <count> <name prefix>  > tokens.txt"""
import base64
import hashlib
import hmac
import json
import sys
import time
import uuid


def part(data):
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).rstrip(b"=")


secret, count, prefix = sys.argv[1].encode(), int(sys.argv[2]), sys.argv[3]
header = part({"alg": "HS256"})
now = int(time.time())
for fan in range(count):
    payload = part({"iss": "boxoffice", "aud": ["boxoffice-api"], "sub": f"{prefix}-{fan}", "iat": now,
                    "exp": now + 3600, "sid": str(uuid.uuid4()), "roles": ["FAN"]})
    signed = header + b"." + payload
    mac = base64.urlsafe_b64encode(hmac.new(secret, signed, hashlib.sha256).digest()).rstrip(b"=")
    print((signed + b"." + mac).decode())
