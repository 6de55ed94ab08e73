import JobcoachCLI

JobcoachTool.main()
