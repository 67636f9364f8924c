"""Seeds a docker-registry (distribution API, plain HTTP) for bench/run, with the standard library only.

One config blob and one layer blob per repository; every build is its own image (its manifest differs by an
annotation, or for Docker v2.2 by its config blob), so "one image per build tag" holds as in a real repository.
Manifests are PUT over a few keep-alive connections at once: 5,000 tags take a few seconds.
"""
import concurrent.futures
import hashlib
import http.client
import json
import threading

DOCKER_V22 = "application/vnd.docker.distribution.manifest.v2+json"
DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"


def sha256(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def build_tag(i, job="app"):
    """The build tag of build i (1 is the oldest): a minute apart, so newest first is highest i first."""
    minute = i
    day, minute = divmod(minute, 24 * 60)
    hour, minute = divmod(minute, 60)
    year = 2020 + day // 360
    month = 1 + (day % 360) // 30
    dom = 1 + day % 30
    return "%04d.%02d.%02dT%02d.%02d.00Z.%07x-%s-%d" % (year, month, dom, hour, minute, i, job, i)


class Seeder:
    def __init__(self, host, port):
        self.host, self.port = host, port
        self.local = threading.local()

    def conn(self):
        c = getattr(self.local, "conn", None)
        if c is None:
            c = self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        return c

    def request(self, method, path, body=None, headers=None, ok=(200, 201, 202)):
        for attempt in range(2):
            c = self.conn()
            try:
                c.request(method, path, body=body, headers=headers or {})
                r = c.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, OSError):
                self.local.conn = None
                if attempt:
                    raise
        if r.status not in ok:
            raise RuntimeError("%s %s answered %d: %s" % (method, path, r.status, data[:300]))
        return r, data

    def blob(self, repo, data):
        digest = sha256(data)
        r, _ = self.request("POST", "/v2/%s/blobs/uploads/" % repo)
        location = r.getheader("Location")
        if location.startswith("http"):
            location = "/" + location.split("/", 3)[3]
        sep = "&" if "?" in location else "?"
        self.request("PUT", location + sep + "digest=" + digest, body=data,
                     headers={"Content-Type": "application/octet-stream"})
        return {"digest": digest, "size": len(data)}

    def manifest(self, repo, ref, media_type, body):
        self.request("PUT", "/v2/%s/manifests/%s" % (repo, ref), body=body, headers={"Content-Type": media_type})
        return sha256(body)

    def seed_builds(self, repo, count, environments, threads=8):
        """count builds under build tags; environments maps env name -> build number. Returns build -> manifest."""
        config = self.blob(repo, json.dumps({"architecture": "amd64", "os": "linux",
                                             "rootfs": {"type": "layers", "diff_ids": []}}).encode())
        layer = self.blob(repo, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00")

        def body(i):
            return json.dumps({
                "schemaVersion": 2, "mediaType": OCI_MANIFEST,
                "config": dict(config, mediaType=OCI_CONFIG),
                "layers": [dict(layer, mediaType=OCI_LAYER)],
                "annotations": {"org.opencontainers.image.revision": "%07x" % i}}).encode()

        def put(i):
            self.manifest(repo, build_tag(i), OCI_MANIFEST, body(i))

        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            list(pool.map(put, range(1, count + 1)))
        for env, i in environments.items():
            self.manifest(repo, env, OCI_MANIFEST, body(i))
        return {i: body(i) for i in sorted(set(environments.values()))}

    def seed_docker_v22(self, repo, builds, environments):
        """builds Docker v2.2 images (each its own config blob) under build tags; environments: env -> build."""
        layer = self.blob(repo, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00")
        bodies = {}
        for i in range(1, builds + 1):
            config = self.blob(repo, json.dumps({"architecture": "amd64", "os": "linux", "created": str(i),
                                                 "rootfs": {"type": "layers", "diff_ids": []}}).encode())
            bodies[i] = json.dumps({
                "schemaVersion": 2, "mediaType": DOCKER_V22,
                "config": dict(config, mediaType=DOCKER_CONFIG),
                "layers": [dict(layer, mediaType=DOCKER_LAYER)]}, indent=3).encode()
            self.manifest(repo, build_tag(i), DOCKER_V22, bodies[i])
        for env, i in environments.items():
            self.manifest(repo, env, DOCKER_V22, bodies[i])
        return bodies

    def seed_index(self, repo, builds, environments):
        """builds multi-arch OCI indexes (two platform manifests each) under build tags; environments: env -> build."""
        layer = self.blob(repo, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00")
        bodies = {}
        for i in range(1, builds + 1):
            children = []
            for arch in ("amd64", "arm64"):
                config = self.blob(repo, json.dumps({"architecture": arch, "os": "linux", "created": str(i),
                                                     "rootfs": {"type": "layers", "diff_ids": []}}).encode())
                child = json.dumps({"schemaVersion": 2, "mediaType": OCI_MANIFEST,
                                    "config": dict(config, mediaType=OCI_CONFIG),
                                    "layers": [dict(layer, mediaType=OCI_LAYER)]}).encode()
                digest = self.manifest(repo, sha256(child), OCI_MANIFEST, child)
                children.append({"mediaType": OCI_MANIFEST, "digest": digest, "size": len(child),
                                 "platform": {"architecture": arch, "os": "linux"}})
            bodies[i] = json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": children}).encode()
            self.manifest(repo, build_tag(i), OCI_INDEX, bodies[i])
        for env, i in environments.items():
            self.manifest(repo, env, OCI_INDEX, bodies[i])
        return bodies
