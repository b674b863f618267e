#!/usr/bin/env python3
"""Writes the hand-made seed inputs of corpus/<target>/ (run once; the files are committed).
Seeds are valid and near-valid inputs: the fuzzer mutates from them into the edge cases."""
import os
import struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def pack(value):
    """A minimal msgpack encoder (maps, strings, ints, bools, nil): enough for envelopes."""
    if value is None:
        return b"\xc0"
    if value is True:
        return b"\xc3"
    if value is False:
        return b"\xc2"
    if isinstance(value, int):
        if 0 <= value < 128:
            return bytes([value])
        if -32 <= value < 0:
            return struct.pack("b", value)
        if value >= 0:
            return b"\xcf" + struct.pack(">Q", value)
        return b"\xd3" + struct.pack(">q", value)
    if isinstance(value, str):
        data = value.encode()
        if len(data) < 32:
            return bytes([0xA0 | len(data)]) + data
        return b"\xd9" + bytes([len(data)]) + data
    if isinstance(value, bytes):
        return b"\xc4" + bytes([len(value)]) + value
    if isinstance(value, list):
        return bytes([0x90 | len(value)]) + b"".join(pack(v) for v in value)
    if isinstance(value, dict):
        return bytes([0x80 | len(value)]) + b"".join(pack(k) + pack(v) for k, v in value.items())
    raise TypeError(value)


def write(target, name, data):
    directory = os.path.join(ROOT, target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as file:
        file.write(data if isinstance(data, bytes) else data.encode())


envelope = {"v": 1, "job": 42, "kind": "plan", "intent": "abc123", "tenant": "acme",
            "attempt": 1, "deadline": 1764000000000}
write("job_envelope", "plan", pack(envelope))
write("job_envelope", "scan", pack(dict(envelope, kind="scan", intent="scan:7", tenant="")))
write("job_envelope", "unknown_key", pack(dict(envelope, extra=[1, 2, {"x": None}])))
write("job_envelope", "wrong_version", pack(dict(envelope, v=2)))
write("job_envelope", "wrong_type", pack(dict(envelope, job="42")))
write("job_envelope", "not_a_map", pack([1, 2, 3]))
write("job_envelope", "truncated", pack(envelope)[:20])
write("job_envelope", "huge_str_header", b"\x81\xa1v\xdb\xff\xff\xff\xff")

def message(*frames):
    return b"".join(bytes([len(f)]) + f for f in frames)

env = pack(envelope)
write("broker_frames", "submit", message(b"client1", b"", b"RC01", b"plan", env))
write("broker_frames", "worker_cycle", b"\xff".join([
    message(b"w1", b"", b"RW01", b"READY", b"plan"),
    message(b"c1", b"", b"RC01", b"plan", env),
    message(b"w1", b"", b"RW01", b"HEARTBEAT"),
    message(b"w1", b"", b"RW01", b"DONE"),
    message(b"w1", b"", b"RW01", b"DISCONNECT")]))
write("broker_frames", "queue_full", b"\xff".join(
    [message(b"c1", b"", b"RC01", b"scan", env)] * 6))
write("broker_frames", "bad_delimiter", message(b"w1", b"x", b"RW01", b"READY", b"plan"))
write("broker_frames", "bad_protocol", message(b"w1", b"", b"RW02", b"READY", b"plan"))
write("broker_frames", "short", message(b"w1", b""))

write("json_request", "object", "\x00" + '{"symbol":"BTCUSDT","capital":"100.00"}')
write("json_request", "empty_ok", "\x01")
write("json_request", "duplicate", "\x00" + '{"a":1,"a":2}')
write("json_request", "deep", "\x00" + "[" * 40 + "]" * 40)
write("json_request", "one_decimal", "\x00" + '{"capital":"0.00000001"}')
write("json_request", "one_array", "\x00" + '{"symbols":["BTCUSDT","ETHUSDT"]}')
write("json_request", "one_big_int", "\x00" + '{"n":18446744073709551615}')
write("json_request", "bad_utf8", b"\x00" + b'{"k":"\xff\xfe"}')

write("intent_create_body", "valid",
      '{"strategy_id":1,"symbol":"BTCUSDT","capital":"1000.50","timeframe":"15m",'
      '"side":"BUY","entry_mode":"manual","metadata":{"note":"x"}}')
write("intent_create_body", "integer_capital", '{"strategy_id":2,"symbol":"ETHUSDT","capital":5}')
write("intent_create_body", "float_capital", '{"strategy_id":2,"symbol":"ETHUSDT","capital":5.5}')
write("intent_create_body", "unknown_field", '{"strategy_id":1,"symbol":"BTCUSDT","capital":"1","x":1}')
write("intent_create_body", "negative", '{"strategy_id":-1,"symbol":"btc","capital":"-1"}')
write("intent_create_body", "huge_capital",
      '{"strategy_id":1,"symbol":"BTCUSDT","capital":"99999999999999999999.123456789"}')

write("pattern_config_body", "create",
      '{"strategy_id":1,"pattern":"HAMMER","symbols":["BTCUSDT"],"timeframes":["15m","1h"],'
      '"min_confidence":"0.70","capital":"100","mode":"manual","enabled":true}')
write("pattern_config_body", "auto_live_ack",
      '{"mode":"auto_live","acknowledge_risk":true}')
write("pattern_config_body", "auto_live_no_ack", '{"mode":"auto_live"}')
write("pattern_config_body", "repeated_symbol", '{"symbols":["BTCUSDT","BTCUSDT"]}')
write("pattern_config_body", "confidence_precision", '{"min_confidence":"0.7001"}')
write("pattern_config_body", "bad_timeframe", '{"timeframes":["7m"]}')

for name, text in {"plain": "100.00", "negative": "-0.00000001", "max_decimals": "12345.12345678",
                   "too_many_decimals": "1.123456789", "exponent": "1e5", "huge": "9" * 30,
                   "pair": "123.45|0.01", "divide_by_zero": "1|0", "overflow_pair":
                   "92233720368|92233720368", "signs": "+1.0|-.5", "blank": " "}.items():
    write("decimal", name, text)

for name, text in {"get": "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                   "post": "POST /api/intents/create/ HTTP/1.1\r\nContent-Length: 2\r\n"
                           "Authorization: Bearer a.b.c\r\n\r\n{}",
                   "version": "GET / HTTP/9.9\r\n\r\n",
                   "no_colon": "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
                   "bare_lf": "\r\nGET / HTTP/1.1\n\n",
                   "folded": "GET / HTTP/1.1\r\n folded: x\r\n\r\n",
                   "chunked": "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                              "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\nGET / HTTP/1.1",
                   "chunked_trailer": "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                      "0\r\nX: y\r\n\r\n",
                   "two_framings": "POST / HTTP/1.1\r\nContent-Length: 2\r\n"
                                   "Transfer-Encoding: gzip, chunked\r\n\r\n{}"}.items():
    write("request_head", name, text)
