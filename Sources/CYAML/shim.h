// Debian installs libyaml's header directly in /usr/include.
#include <yaml.h>
