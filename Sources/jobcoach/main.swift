import JobcoachCLI
JobcoachTool.main()
