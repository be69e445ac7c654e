// Debian installs cmark's header directly in /usr/include.
#include <cmark.h>
