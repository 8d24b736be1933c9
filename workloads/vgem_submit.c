// SPDX-License-Identifier: GPL-2.0
/*
 * vgem_submit: K submit-style ioctls on the vgem DRM device, for the GPU-submit probe's tests.
 * It opens DEVICE (default /dev/dri/card0, which must be vgem), creates a dumb buffer, then K
 * times attaches a fence to it (DRM_IOCTL_VGEM_FENCE_ATTACH, what the probe counts as a submit)
 * and signals it (DRM_IOCTL_VGEM_FENCE_SIGNAL), SPACING_US apart. At the end it prints
 *
 *   vgem_submit: pid P tid T submits K
 *
 * Usage: vgem_submit K [SPACING_US] [DEVICE]. Build: cc -O2 -o vgem_submit vgem_submit.c
 * (the uapi structs are written out: the build needs no libdrm headers).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>

struct drm_version {
	int version_major, version_minor, version_patchlevel;
	size_t name_len;
	char *name;
	size_t date_len;
	char *date;
	size_t desc_len;
	char *desc;
};
struct drm_mode_create_dumb {
	uint32_t height, width, bpp, flags, handle, pitch;
	uint64_t size;
};
struct drm_vgem_fence_attach {
	uint32_t handle, flags, out_fence, pad;
};
struct drm_vgem_fence_signal {
	uint32_t fence, flags;
};

#define DRM_IOCTL_VERSION _IOWR('d', 0x00, struct drm_version)
#define DRM_IOCTL_MODE_CREATE_DUMB _IOWR('d', 0xB2, struct drm_mode_create_dumb)
#define DRM_IOCTL_VGEM_FENCE_ATTACH _IOWR('d', 0x41, struct drm_vgem_fence_attach)
#define DRM_IOCTL_VGEM_FENCE_SIGNAL _IOW('d', 0x42, struct drm_vgem_fence_signal)

static void die(const char *what)
{
	fprintf(stderr, "vgem_submit: %s: %s\n", what, strerror(errno));
	exit(1);
}

int main(int argc, char **argv)
{
	const char *device = argc > 3 ? argv[3] : "/dev/dri/card0";
	long k, spacing_us;
	char name[32] = {};
	struct drm_version version;
	struct drm_mode_create_dumb dumb;
	int fd;

	if (argc < 2 || (k = atol(argv[1])) <= 0) {
		fprintf(stderr, "usage: vgem_submit K [SPACING_US] [DEVICE]\n");
		return 2;
	}
	spacing_us = argc > 2 ? atol(argv[2]) : 1000;
	fd = open(device, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		die(device);
	memset(&version, 0, sizeof(version));
	version.name = name;
	version.name_len = sizeof(name) - 1;
	if (ioctl(fd, DRM_IOCTL_VERSION, &version))
		die("DRM_IOCTL_VERSION");
	if (strcmp(name, "vgem") != 0) {
		fprintf(stderr, "vgem_submit: %s is driver '%s', not vgem\n", device, name);
		return 1;
	}
	memset(&dumb, 0, sizeof(dumb));
	dumb.width = 64;
	dumb.height = 64;
	dumb.bpp = 32;
	if (ioctl(fd, DRM_IOCTL_MODE_CREATE_DUMB, &dumb))
		die("DRM_IOCTL_MODE_CREATE_DUMB");
	for (long i = 0; i < k; i++) {
		struct drm_vgem_fence_attach attach = { .handle = dumb.handle, .flags = 1 /* VGEM_FENCE_WRITE */ };
		struct drm_vgem_fence_signal signal;

		if (ioctl(fd, DRM_IOCTL_VGEM_FENCE_ATTACH, &attach))
			die("DRM_IOCTL_VGEM_FENCE_ATTACH");
		signal.fence = attach.out_fence;
		signal.flags = 0;
		if (ioctl(fd, DRM_IOCTL_VGEM_FENCE_SIGNAL, &signal))
			die("DRM_IOCTL_VGEM_FENCE_SIGNAL");
		if (spacing_us)
			usleep(spacing_us);
	}
	printf("vgem_submit: pid %d tid %ld submits %ld\n", getpid(), (long)syscall(SYS_gettid), k);
	fflush(stdout);
	close(fd);
	return 0;
}
