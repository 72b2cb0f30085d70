"""A minimal WebDriver client (python3 standard library only) driving
headless Chromium through chromedriver, for the page's end-to-end test."""
import base64
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    def __init__(self, chromium="/usr/bin/chromium", driver="/usr/bin/chromedriver"):
        self.profile = tempfile.mkdtemp(prefix="morgue-chromium.")
        self.port = free_port()
        self.proc = subprocess.Popen([driver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        self.session = None
        self._wait(lambda: self._call("GET", "/status").get("ready"), 20, "chromedriver did not start")
        caps = {"browserName": "chrome", "goog:chromeOptions": {"binary": chromium, "args": [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900", f"--user-data-dir={self.profile}"]}}
        self.session = self._call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})["sessionId"]

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else (b"{}" if method == "POST" else None)
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.loads(r.read())["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"WebDriver {method} {path}: {e.read()[:500]!r}") from None
        except OSError:
            if path == "/status":
                return {}
            raise

    def _s(self, method, path, body=None):
        return self._call(method, f"/session/{self.session}{path}", body)

    @staticmethod
    def _wait(cond, timeout, what):
        end = time.time() + timeout
        while time.time() < end:
            v = cond()
            if v:
                return v
            time.sleep(0.1)
        raise AssertionError(what)

    def wait(self, cond, what, timeout=15):
        return self._wait(cond, timeout, what)

    def get(self, url):
        self._s("POST", "/url", {"url": url})

    def url(self):
        return self._s("GET", "/url")

    def js(self, script, *args):
        return self._s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find_all(self, css):
        return [e[ELEMENT] for e in self._s("POST", "/elements", {"using": "css selector", "value": css})]

    def find(self, css):
        found = self.find_all(css)
        if not found:
            raise AssertionError(f"no element matches {css}")
        return found[0]

    def click(self, element):
        self._s("POST", f"/element/{element}/click")

    def type(self, element, text):
        self._s("POST", f"/element/{element}/clear")
        self._s("POST", f"/element/{element}/value", {"text": text})

    def text(self, element):
        return self._s("GET", f"/element/{element}/text")

    def attr(self, element, name):
        return self._s("GET", f"/element/{element}/attribute/{name}")

    def back(self):
        self._s("POST", "/back")

    def window(self, width, height):
        self._s("POST", "/window/rect", {"width": width, "height": height})

    def screenshot(self, path):
        with open(path, "wb") as f:
            f.write(base64.b64decode(self._s("GET", "/screenshot")))

    def quit(self):
        try:
            if self.session:
                self._s("DELETE", "")
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            subprocess.run(["rm", "-rf", self.profile])
            if os.path.exists(self.profile):
                raise RuntimeError("could not remove " + self.profile)
