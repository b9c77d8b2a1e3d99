## Energy at the reveal (core/energy/reveal.ts)

reveal-energy = ⚡ **{ $side }**: { NUMBER($wh, maximumSignificantDigits: 2) } Wh, { NUMBER($co2, maximumSignificantDigits: 2) } g CO₂e ≈ a 5 W LED bulb for { $led }, or { $streaming } of video streaming
reveal-energy-method = Energy estimated with { $method } (world electricity mix; hardware included)
energy-duration = { $unit ->
    [day] { $amount ->
        [one] 1 day
       *[other] { $amount } days
    }
    [hour] { $amount ->
        [one] 1 hour
       *[other] { $amount } hours
    }
    [minute] { $amount ->
        [one] 1 minute
       *[other] { $amount } minutes
    }
   *[second] { $amount ->
        [one] 1 second
       *[other] { $amount } seconds
    }
}
