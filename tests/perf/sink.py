"""A fast local stand-in for Twilio's Messages endpoint: answers every POST with a 201 and a message resource.

asyncio with keep-alive and no framework, so one core serves far more requests than the system under test sends.
Run: python tests/perf/sink.py PORT  (prints "ready" when listening; counts requests in a file on SIGTERM).
"""

import asyncio
import signal
import sys
import uuid

RESPONSE_BODY = (
    '{{"sid": "SM{sid}", "status": "queued", "to": "+15555550123", "from": "+15005550006", "body": "",'
    ' "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01", "error_code": null}}'
)


class Sink(asyncio.Protocol):
    served = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, _, rest = self.buffer.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if len(rest) < length:
                return
            self.buffer = rest[length:]
            body = RESPONSE_BODY.format(sid=uuid.uuid4().hex).encode()
            self.transport.write(  # type: ignore[attr-defined]
                b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
                + str(len(body)).encode()
                + b"\r\n\r\n"
                + body
            )
            Sink.served += 1


async def main(port: int, count_file: str) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Sink, "127.0.0.1", port)
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, stop.set_result, None)
    print("ready", flush=True)
    await stop
    server.close()
    with open(count_file, "w") as out:
        out.write(str(Sink.served))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
