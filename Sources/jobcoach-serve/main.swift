import JobcoachServer

WebServer.main()
