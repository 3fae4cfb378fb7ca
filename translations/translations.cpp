// Holds the compiled translations (:/i18n/plugdesk_*.qm) for the executables that link this library.
namespace plugdesk::translations {
int anchor = 0;
}
