// SPDX-License-Identifier: GPL-2.0
/*
 * present_x11: presents exactly FRAMES frames into an X11 window through GLX (glXSwapBuffers) or EGL
 * (eglSwapBuffers on an X11 window surface), clearing to a new colour each frame, then reports:
 *   present_x11: pid P api glx|egl frames N renderer R
 * The frame probe's tests run it under Xvfb with Mesa's software renderers.
 *
 * Build: cc -O2 -Wall -Werror -o present_x11 present_x11.c -lGL -lEGL -lX11
 *        (Debian: libgl-dev libegl-dev libx11-dev)
 * Usage: present_x11 glx|egl FRAMES   (DISPLAY must name a server)
 */
#include <EGL/egl.h>
#include <GL/gl.h>
#include <GL/glx.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WIDTH 128
#define HEIGHT 128

static int fail(const char *what)
{
	fprintf(stderr, "present_x11: %s\n", what);
	return 1;
}

static Window make_window(Display *dpy, Visual *visual, int depth)
{
	XSetWindowAttributes attrs = { 0 };
	Window root = DefaultRootWindow(dpy);
	Window win;

	attrs.colormap = XCreateColormap(dpy, root, visual, AllocNone);
	win = XCreateWindow(dpy, root, 0, 0, WIDTH, HEIGHT, 0, depth, InputOutput, visual, CWColormap, &attrs);
	XMapWindow(dpy, win);
	XSync(dpy, False);
	return win;
}

static int run_glx(Display *dpy, long frames, const char **renderer)
{
	int attrs[] = { GLX_RGBA, GLX_DOUBLEBUFFER, GLX_RED_SIZE, 8, GLX_GREEN_SIZE, 8, GLX_BLUE_SIZE, 8, None };
	XVisualInfo *vi = glXChooseVisual(dpy, DefaultScreen(dpy), attrs);
	GLXContext ctx;
	Window win;

	if (!vi)
		return fail("glXChooseVisual found no double-buffered RGBA visual");
	win = make_window(dpy, vi->visual, vi->depth);
	ctx = glXCreateContext(dpy, vi, NULL, True);
	if (!ctx || !glXMakeCurrent(dpy, win, ctx))
		return fail("glXCreateContext/glXMakeCurrent failed");
	*renderer = (const char *)glGetString(GL_RENDERER);
	for (long i = 0; i < frames; i++) {
		glClearColor((float)(i % 256) / 255.0f, 0.2f, 0.4f, 1.0f);
		glClear(GL_COLOR_BUFFER_BIT);
		glXSwapBuffers(dpy, win);
	}
	glFinish();
	return 0;
}

static int run_egl(Display *dpy, long frames, const char **renderer)
{
	static const EGLint config_attrs[] = { EGL_SURFACE_TYPE, EGL_WINDOW_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT,
					       EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE };
	static const EGLint context_attrs[] = { EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE };
	void (*clear_color)(float, float, float, float);
	void (*clear)(unsigned int);
	const unsigned char *(*get_string)(unsigned int);
	EGLDisplay edpy = eglGetDisplay((EGLNativeDisplayType)dpy);
	EGLint n = 0, visual_id;
	EGLConfig config;
	EGLSurface surf;
	EGLContext ctx;
	XVisualInfo tmpl = { 0 }, *vi;
	int count;
	Window win;

	if (edpy == EGL_NO_DISPLAY || !eglInitialize(edpy, NULL, NULL))
		return fail("eglGetDisplay/eglInitialize failed on the X11 display");
	if (!eglBindAPI(EGL_OPENGL_ES_API) || !eglChooseConfig(edpy, config_attrs, &config, 1, &n) || n < 1)
		return fail("eglChooseConfig found no ES2 window config");
	eglGetConfigAttrib(edpy, config, EGL_NATIVE_VISUAL_ID, &visual_id);
	tmpl.visualid = visual_id;
	vi = XGetVisualInfo(dpy, VisualIDMask, &tmpl, &count);
	if (!vi || count < 1)
		return fail("no X visual for the EGL config");
	win = make_window(dpy, vi->visual, vi->depth);
	surf = eglCreateWindowSurface(edpy, config, (EGLNativeWindowType)win, NULL);
	ctx = eglCreateContext(edpy, config, EGL_NO_CONTEXT, context_attrs);
	if (surf == EGL_NO_SURFACE || ctx == EGL_NO_CONTEXT || !eglMakeCurrent(edpy, surf, surf, ctx))
		return fail("eglCreateWindowSurface/eglCreateContext/eglMakeCurrent failed");
	clear_color = (void (*)(float, float, float, float))eglGetProcAddress("glClearColor");
	clear = (void (*)(unsigned int))eglGetProcAddress("glClear");
	get_string = (const unsigned char *(*)(unsigned int))eglGetProcAddress("glGetString");
	if (!clear_color || !clear || !get_string)
		return fail("eglGetProcAddress found no glClear/glClearColor/glGetString");
	*renderer = (const char *)get_string(GL_RENDERER);
	for (long i = 0; i < frames; i++) {
		clear_color((float)(i % 256) / 255.0f, 0.4f, 0.2f, 1.0f);
		clear(GL_COLOR_BUFFER_BIT);
		if (!eglSwapBuffers(edpy, surf))
			return fail("eglSwapBuffers failed");
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *renderer = "?";
	Display *dpy;
	long frames;
	int rc;

	if (argc != 3 || (strcmp(argv[1], "glx") && strcmp(argv[1], "egl")) || (frames = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: present_x11 glx|egl FRAMES\n");
		return 2;
	}
	dpy = XOpenDisplay(NULL);
	if (!dpy)
		return fail("cannot open the X display (is DISPLAY set and Xvfb running?)");
	rc = !strcmp(argv[1], "glx") ? run_glx(dpy, frames, &renderer) : run_egl(dpy, frames, &renderer);
	if (rc)
		return rc;
	printf("present_x11: pid %d api %s frames %ld renderer %s\n", (int)getpid(), argv[1], frames, renderer);
	return 0;
}
