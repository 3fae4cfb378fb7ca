// Holds the compiled icons (:/icons/...) for the executables that link this library.
namespace plugdesk::resources {
int anchor = 0;
}
