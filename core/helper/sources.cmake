target_sources(plugdesk_helper PRIVATE
    helper/authorisationprompt.h
    helper/enginefactory.cpp helper/enginefactory.h
    helper/helperengine.cpp helper/helperengine.h
    helper/helpermethods.cpp helper/helpermethods.h
    helper/helperprotocol.cpp helper/helperprotocol.h
    helper/helperservice.cpp helper/helperservice.h
    helper/helperverbs.cpp helper/helperverbs.h
    helper/jobobject.cpp helper/jobobject.h
    helper/polkitauthority.cpp helper/polkitauthority.h
    helper/remotejob.cpp helper/remotejob.h
    helper/secrets.cpp helper/secrets.h
    helper/snapshotcodec.cpp helper/snapshotcodec.h
)
